#include "core/json_writer.h"

#include <gtest/gtest.h>

#include <limits>

namespace weltcampus {
namespace {

using namespace std::string_literals;

std::string Written(const std::function<void(JsonWriter&)>& write) {
  std::string text;
  JsonWriter out(text);
  write(out);
  return text;
}

// What nlohmann::json writes for the same value, as the answers wrote before JsonWriter.
std::string Dumped(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(JsonWriterTest, PutsCommasBetweenMembersAndItemsOnly) {
  EXPECT_EQ(Written([](JsonWriter& out) {
              out.BeginObject().Key("a").Int(1).Key("b").BeginArray().EndArray();
              out.Key("c").BeginObject().EndObject().Key("d").BeginArray().Int(1).Int(2);
              out.BeginObject().Key("e").Null().EndObject().EndArray().EndObject();
            }),
            R"({"a":1,"b":[],"c":{},"d":[1,2,{"e":null}]})");
  EXPECT_EQ(Written([](JsonWriter& out) {
              out.BeginObject().WrittenKey(JsonWriter::KeyText("a\"b")).Int(1);
              out.WrittenKey(JsonWriter::KeyText("c")).Int(2).EndObject();
            }),
            R"({"a\"b":1,"c":2})");
  EXPECT_EQ(Written([](JsonWriter& out) {
              out.BeginArray().BeginArray().EndArray().BeginArray().EndArray().EndArray();
            }),
            "[[],[]]");
}

TEST(JsonWriterTest, WritesTextsAsNlohmannJsonDoes) {
  const std::vector<std::string> texts = {
      "",
      "plain",
      "Universität Wrocław, Łódź – 東京",  // UTF-8 kept as it is
      "quote \" backslash \\ slash /",
      "controls \b\f\n\r\t \x01\x1f \x7f"s,
      "nul \0 inside"s,
      "emoji \xF0\x9F\x98\x80",
  };
  for (const auto& text : texts) {
    EXPECT_EQ(Written([&](JsonWriter& out) { out.String(text); }), Dumped(text)) << text;
  }
}

TEST(JsonWriterTest, ReplacesInvalidUtf8) {
  // A lone continuation byte, a cut sequence, an overlong form, a surrogate, above U+10FFFF.
  for (const std::string bad :
       {"a\x80z", "a\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
    const std::string written = Written([&](JsonWriter& out) { out.String(bad); });
    EXPECT_NE(written.find("\xEF\xBF\xBD"), std::string::npos) << written;
    EXPECT_TRUE(nlohmann::json::accept(written)) << written;
  }
  EXPECT_EQ(Written([](JsonWriter& out) { out.String("a\x80z"); }), "\"a\xEF\xBF\xBDz\"");
}

TEST(JsonWriterTest, WritesNumbersThatReadBackTheSame) {
  for (const int64_t value : {int64_t{0}, int64_t{-7}, std::numeric_limits<int64_t>::min(),
                              std::numeric_limits<int64_t>::max()}) {
    EXPECT_EQ(Written([&](JsonWriter& out) { out.Int(value); }), Dumped(value));
  }
  for (const double value : {5.0, 0.1, -2.5, 1e21, 1.5e-7, 52.2297, 0.0}) {
    const std::string written = Written([&](JsonWriter& out) { out.Number(value); });
    const auto back = nlohmann::json::parse(written);
    EXPECT_TRUE(back.is_number_float()) << written;
    EXPECT_EQ(back.get<double>(), value) << written;
  }
  EXPECT_EQ(Written([](JsonWriter& out) { out.Number(5.0); }), "5.0");
  EXPECT_EQ(Written([](JsonWriter& out) { out.Number(std::numeric_limits<double>::quiet_NaN()); }),
            "null");
  EXPECT_EQ(Written([](JsonWriter& out) { out.Number(std::numeric_limits<double>::infinity()); }),
            "null");
}

TEST(JsonWriterTest, WritesOptionalsListsAndBuiltValues) {
  EXPECT_EQ(Written([](JsonWriter& out) {
              out.BeginArray()
                  .Value(std::optional<std::string>())
                  .Value(std::optional<int64_t>(3))
                  .Value(std::vector<int>{7, 8})
                  .Value(true)
                  .Value(nlohmann::json{{"b", 1}, {"a", {1, "x"}}})
                  .EndArray();
            }),
            R"([null,3,[7,8],true,{"a":[1,"x"],"b":1}])");
}

}  // namespace
}  // namespace weltcampus
