#pragma once

#include <string>

namespace weltcampus::interop {

// The whole content of a file; throws std::runtime_error naming the file when it cannot be read.
std::string ReadTextFile(const std::string& path);

}  // namespace weltcampus::interop
