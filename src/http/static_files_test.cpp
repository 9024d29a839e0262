#include "http/static_files.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

namespace weltcampus::http {
namespace {

std::string Gunzip(const std::string& data) {
  z_stream stream{};
  inflateInit2(&stream, 15 + 16);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  inflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

TEST(StaticFilesTest, GzipRoundTrips) {
  std::string text;
  for (int i = 0; i < 1000; ++i) {
    text += "export const partner" + std::to_string(i) + " = 'King\\'s College London';\n";
  }
  const auto compressed = Gzip(text);
  EXPECT_LT(compressed.size(), text.size() / 4);
  EXPECT_EQ(Gunzip(compressed), text);
}

TEST(StaticFilesTest, ServesCompressedWhenAskedAndFallsBackToIndex) {
  const auto root = std::filesystem::temp_directory_path() / "weltcampus_static_test";
  std::filesystem::create_directories(root / "assets");
  std::ofstream(root / "index.html") << std::string(4000, 'x');
  std::ofstream(root / "assets" / "app-1234.js") << "let a = 1;";
  StaticFiles files(root);
  Request request;
  request.method = "GET";
  request.path = "/partners/12";
  request.headers["accept-encoding"] = "gzip, br";
  auto response = files.Serve(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(Gunzip(response.body), std::string(4000, 'x'));
  request.path = "/assets/app-1234.js";
  response = files.Serve(request);
  EXPECT_EQ(response.body, "let a = 1;");  // too small to be worth compressing
  request.path = "/assets/missing.js";
  EXPECT_EQ(files.Serve(request).status, 404);
  request.path = "/../../etc/passwd";
  EXPECT_EQ(files.Serve(request).status, 404);
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace weltcampus::http
