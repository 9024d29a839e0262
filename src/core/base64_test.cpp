#include "core/base64.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace weltcampus {
namespace {

TEST(Base64Test, RoundTripsBinaryBytes) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) {
    bytes.push_back(static_cast<char>(i));
  }
  EXPECT_EQ(FromBase64(ToBase64(bytes)), bytes);
  EXPECT_EQ(ToBase64("%PDF-"), "JVBERi0=");
  EXPECT_EQ(FromBase64(""), "");
}

TEST(Base64Test, RefusesWhatIsNotBase64) {
  EXPECT_THROW(FromBase64("not base64!"), std::invalid_argument);
  EXPECT_THROW(FromBase64("JVBERi0"), std::invalid_argument);  // padding missing
}

}  // namespace
}  // namespace weltcampus
