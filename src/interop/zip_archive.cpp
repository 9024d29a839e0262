#include "interop/zip_archive.h"

#include <fmt/format.h>
#include <unzip.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "core/text.h"
#include "interop/import_report.h"

namespace weltcampus::interop {

// The archive's bytes as minizip's "file": a position over memory.
struct ZipArchive::Memory {
  std::string_view bytes;
  std::uint64_t position = 0;
};

namespace {

using Memory = ZipArchive::Memory;

voidpf ZCALLBACK OpenMemory(voidpf opaque, const void* /*name*/, int mode) {
  if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ) {
    return nullptr;
  }
  static_cast<Memory*>(opaque)->position = 0;
  return opaque;
}

uLong ZCALLBACK ReadMemory(voidpf /*opaque*/, voidpf stream, void* buffer, uLong size) {
  auto* memory = static_cast<Memory*>(stream);
  if (memory->position >= memory->bytes.size()) {
    return 0;
  }
  const auto count = std::min<std::uint64_t>(size, memory->bytes.size() - memory->position);
  std::memcpy(buffer, memory->bytes.data() + memory->position, count);
  memory->position += count;
  return static_cast<uLong>(count);
}

uLong ZCALLBACK WriteMemory(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T ZCALLBACK TellMemory(voidpf /*opaque*/, voidpf stream) {
  return static_cast<Memory*>(stream)->position;
}

long ZCALLBACK SeekMemory(voidpf /*opaque*/, voidpf stream, ZPOS64_T offset, int origin) {
  auto* memory = static_cast<Memory*>(stream);
  std::uint64_t base = 0;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET:
      base = 0;
      break;
    case ZLIB_FILEFUNC_SEEK_CUR:
      base = memory->position;
      break;
    case ZLIB_FILEFUNC_SEEK_END:
      base = memory->bytes.size();
      break;
    default:
      return -1;
  }
  if (offset > memory->bytes.size() || base + offset > memory->bytes.size()) {
    return -1;
  }
  memory->position = base + offset;
  return 0;
}

int ZCALLBACK CloseMemory(voidpf, voidpf) { return 0; }
int ZCALLBACK ErrorMemory(voidpf, voidpf) { return 0; }

std::string SizeText(std::uint64_t bytes) {
  return bytes >= (1U << 20) && bytes % (1U << 20) == 0 ? fmt::format("{} MiB", bytes >> 20)
                                                        : fmt::format("{} bytes", bytes);
}

constexpr std::string_view kNotZip =
    "is not an .xlsx workbook (not a zip archive, or a damaged one)";

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, const ZipLimits& limits)
    : memory_(std::make_unique<Memory>()), limits_(limits) {
  memory_->bytes = bytes;
  zlib_filefunc64_def functions{};
  functions.zopen64_file = OpenMemory;
  functions.zread_file = ReadMemory;
  functions.zwrite_file = WriteMemory;
  functions.ztell64_file = TellMemory;
  functions.zseek64_file = SeekMemory;
  functions.zclose_file = CloseMemory;
  functions.zerror_file = ErrorMemory;
  functions.opaque = memory_.get();
  zip_ = unzOpen2_64("upload", &functions);
  if (zip_ == nullptr) {
    throw ImportFileError(std::string(kNotZip));
  }
  try {
    std::uint64_t declared_total = 0;
    int status = unzGoToFirstFile(zip_);
    for (; status == UNZ_OK; status = unzGoToNextFile(zip_)) {
      if (entries_.size() >= limits_.max_entries) {
        throw ImportFileError(
            fmt::format("has more than {} parts: not a workbook we read", limits_.max_entries));
      }
      unz_file_info64 info{};
      std::array<char, 1024> name{};
      if (unzGetCurrentFileInfo64(zip_, &info, name.data(), name.size() - 1, nullptr, 0, nullptr,
                                  0) != UNZ_OK) {
        throw ImportFileError(std::string(kNotZip));
      }
      if ((info.flag & 1U) != 0) {
        throw ImportFileError(
            "is an encrypted (password-protected) workbook: save it without a password");
      }
      if (info.uncompressed_size > limits_.max_entry_size) {
        throw ImportFileError(
            fmt::format("unpacks to more than {} in one part", SizeText(limits_.max_entry_size)));
      }
      declared_total += info.uncompressed_size;
      if (declared_total > limits_.max_total_size) {
        throw ImportFileError(
            fmt::format("unpacks to more than {}", SizeText(limits_.max_total_size)));
      }
      unz64_file_pos position{};
      unzGetFilePos64(zip_, &position);
      entries_[AsciiLower(name.data())] =
          Entry{position.pos_in_zip_directory, position.num_of_file, info.compressed_size};
    }
    if (status != UNZ_END_OF_LIST_OF_FILE) {
      throw ImportFileError(std::string(kNotZip));
    }
  } catch (...) {
    unzClose(zip_);
    throw;
  }
}

ZipArchive::~ZipArchive() {
  if (zip_ != nullptr) {
    unzClose(zip_);
  }
}

bool ZipArchive::Has(std::string_view name) const { return entries_.contains(AsciiLower(name)); }

std::string ZipArchive::Read(std::string_view name) {
  const auto it = entries_.find(AsciiLower(name));
  if (it == entries_.end()) {
    throw ImportFileError(fmt::format("is not a complete workbook: it has no part {}", name));
  }
  const auto& entry = it->second;
  unz64_file_pos position{entry.directory_offset, entry.file_number};
  unz_file_info64 info{};
  if (unzGoToFilePos64(zip_, &position) != UNZ_OK ||
      unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
    throw ImportFileError(std::string(kNotZip));
  }
  if (info.compression_method != 0 && info.compression_method != Z_DEFLATED) {
    throw ImportFileError(fmt::format("packs its part {} in a way we do not read (method {})", name,
                                      info.compression_method));
  }
  if (unzOpenCurrentFile(zip_) != UNZ_OK) {
    throw ImportFileError(std::string(kNotZip));
  }
  std::string content;
  std::array<char, 64 * 1024> buffer{};
  const auto fail = [&](std::string message) {
    unzCloseCurrentFile(zip_);
    throw ImportFileError(std::move(message));
  };
  for (;;) {
    const int read = unzReadCurrentFile(zip_, buffer.data(), buffer.size());
    if (read < 0) {
      fail(fmt::format("is damaged: its part {} cannot be unpacked", name));
    }
    if (read == 0) {
      break;
    }
    content.append(buffer.data(), static_cast<std::size_t>(read));
    total_read_ += static_cast<std::uint64_t>(read);
    if (content.size() > limits_.max_entry_size) {
      fail(fmt::format("unpacks to more than {} in one part", SizeText(limits_.max_entry_size)));
    }
    if (total_read_ > limits_.max_total_size) {
      fail(fmt::format("unpacks to more than {}", SizeText(limits_.max_total_size)));
    }
    if (content.size() > limits_.ratio_floor &&
        static_cast<double>(content.size()) >
            limits_.max_ratio *
                static_cast<double>(std::max<std::uint64_t>(entry.compressed_size, 1))) {
      fail(fmt::format("unpacks to more than {} times its size: refused as a zip bomb",
                       limits_.max_ratio));
    }
  }
  if (unzCloseCurrentFile(zip_) != UNZ_OK) {  // the CRC
    throw ImportFileError(fmt::format("is damaged: its part {} fails its checksum", name));
  }
  return content;
}

}  // namespace weltcampus::interop
