#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace weltcampus::interop {

// What a zip archive from an upload may unpack to. The compressed size is the upload limit's.
struct ZipLimits {
  std::size_t max_entries = 10'000;
  std::uint64_t max_entry_size = 64ull << 20;   // uncompressed bytes of one member
  std::uint64_t max_total_size = 128ull << 20;  // uncompressed bytes of all members together
  // A member that inflates to more than ratio_floor bytes may be at most max_ratio times its
  // compressed size: spreadsheets compress 5 to 30 times, zip bombs a thousand.
  double max_ratio = 200;
  std::uint64_t ratio_floor = 1ull << 20;
};

// A zip archive read from memory with minizip (its own file functions over the bytes: nothing
// touches the disk). The bytes must outlive the archive. Every failure is an ImportFileError
// whose message completes "the file ...".
class ZipArchive {
 public:
  // Reads the central directory: throws for what is not a zip archive (or a truncated one), an
  // encrypted member, too many members, or declared sizes beyond the limits.
  ZipArchive(std::string_view bytes, const ZipLimits& limits = {});
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Whether a member of that name exists (names compared without regard to case, as Excel does).
  bool Has(std::string_view name) const;
  // The member's content, inflated and checked against the limits as it comes (declared sizes
  // may lie) and against its CRC.
  std::string Read(std::string_view name);

  struct Memory;  // the bytes as minizip's file (zip_archive.cpp)

 private:
  struct Entry {
    std::uint64_t directory_offset = 0;
    std::uint64_t file_number = 0;
    std::uint64_t compressed_size = 0;
  };
  std::unique_ptr<Memory> memory_;
  void* zip_ = nullptr;
  ZipLimits limits_;
  std::map<std::string, Entry> entries_;  // by lower-case name
  std::uint64_t total_read_ = 0;
};

}  // namespace weltcampus::interop
