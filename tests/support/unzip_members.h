#pragma once

#include <unistd.h>
#include <unzip.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>

// For tests (unit and API): reads an exported workbook back, with minizip, as Excel would.
namespace weltcampus::testing_support {

// The members of a zip archive (the workbook) by name, read with minizip as Excel would.
inline std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::string path = "/tmp/weltcampus-export-test-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) {
    throw std::runtime_error("mkstemp failed");
  }
  close(fd);
  std::ofstream(path, std::ios::binary) << bytes;
  std::map<std::string, std::string> members;
  unzFile zip = unzOpen(path.c_str());
  if (zip == nullptr) {
    std::filesystem::remove(path);
    throw std::runtime_error("not a zip archive");
  }
  for (int status = unzGoToFirstFile(zip); status == UNZ_OK; status = unzGoToNextFile(zip)) {
    std::array<char, 512> name{};
    unz_file_info info{};
    unzGetCurrentFileInfo(zip, &info, name.data(), name.size(), nullptr, 0, nullptr, 0);
    std::string content(info.uncompressed_size, '\0');
    if (unzOpenCurrentFile(zip) != UNZ_OK) {
      break;
    }
    const int read = content.empty() ? 0
                                     : unzReadCurrentFile(zip, content.data(),
                                                          static_cast<unsigned>(content.size()));
    // unzCloseCurrentFile checks the member's CRC.
    const int closed = unzCloseCurrentFile(zip);
    if (read != static_cast<int>(content.size()) || closed != UNZ_OK) {
      members[name.data()] = "<corrupt>";
    } else {
      members[name.data()] = std::move(content);
    }
  }
  unzClose(zip);
  std::filesystem::remove(path);
  return members;
}

}  // namespace weltcampus::testing_support
