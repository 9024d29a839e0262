#include "interop/text_file.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace weltcampus::interop {

std::string ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot open " + path);
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) {
    throw std::runtime_error("cannot read " + path);
  }
  return std::move(content).str();
}

}  // namespace weltcampus::interop
