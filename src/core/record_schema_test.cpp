#include "core/record_schema.h"

#include <gtest/gtest.h>

namespace weltcampus {
namespace {

enum class Colour { kRed, kGreen };
constexpr EnumTable<Colour, 2> kColourTable("colour", {{{Colour::kRed, "red"}, {Colour::kGreen, "green"}}});

struct Leaf {
  int64_t id = 0;
  std::string name;
  std::optional<double> weight;
};

struct Tree {
  int64_t id = 0;
  int64_t version = 1;
  std::string name;
  std::optional<std::string> note;
  Colour colour = Colour::kRed;
  bool evergreen = false;
  std::optional<std::string> planted;
  int first_year = 0;
  std::vector<int> levels;
  std::vector<Leaf> leaves;
  std::string created_at;
  std::string updated_at;
};

RecordSchema<Leaf> LeafSchema() {
  return RecordSchema<Leaf>("Leaf")
      .ChildId("id", &Leaf::id)
      .Text("name", &Leaf::name, 10)
      .Check([](std::string_view name) { return name != "bad"; }, "Not a leaf name")
      .Number("weight", &Leaf::weight, 0, 5);
}

const RecordSchema<Tree>& TreeSchema() {
  static const auto schema = RecordSchema<Tree>("Tree")
                                 .Key(&Tree::id, &Tree::version)
                                 .Text("name", &Tree::name, 20)
                                 .Text("note", &Tree::note, 30)
                                 .Enum("colour", &Tree::colour, kColourTable, Colour::kGreen)
                                 .Bool("evergreen", &Tree::evergreen, true)
                                 .Date("planted", &Tree::planted)
                                 .AcademicYearField("first_year", &Tree::first_year)
                                 .IntList("levels", &Tree::levels, 5, 8, 3)
                                 .List("leaves", &Tree::leaves, LeafSchema(), 2)
                                 .Timestamps(&Tree::created_at, &Tree::updated_at);
  return schema;
}

std::string FieldOf(const nlohmann::json& body) {
  try {
    TreeSchema().Read(body);
  } catch (const ApiError& error) {
    return error.field();
  }
  return "(accepted)";
}

nlohmann::json ValidTree() {
  return {{"name", " Oak "}, {"first_year", "2027/2028"}, {"levels", {7, 6, 7}},
          {"leaves", {{{"id", 4}, {"name", "a"}}, {{"name", "b"}, {"weight", 1.5}}}}};
}

TEST(RecordSchemaTest, ReadsWithDefaultsTrimmingAndChildIds) {
  const Tree tree = TreeSchema().Read(ValidTree());
  EXPECT_EQ(tree.name, "Oak");
  EXPECT_FALSE(tree.note);
  EXPECT_EQ(tree.colour, Colour::kGreen);
  EXPECT_TRUE(tree.evergreen);
  EXPECT_EQ(tree.first_year, 2027);
  EXPECT_EQ(tree.levels, (std::vector<int>{7, 6}));
  ASSERT_EQ(tree.leaves.size(), 2u);
  EXPECT_EQ(tree.leaves[0].id, 4);
  EXPECT_EQ(tree.leaves[1].id, 0);
  EXPECT_EQ(*tree.leaves[1].weight, 1.5);
}

TEST(RecordSchemaTest, ReadOnlyFieldsAreNeverRead) {
  auto body = ValidTree();
  body["id"] = 99;
  body["version"] = 7;
  body["created_at"] = "yesterday";
  const Tree tree = TreeSchema().Read(body);
  EXPECT_EQ(tree.id, 0);
  EXPECT_EQ(tree.version, 1);
  EXPECT_EQ(tree.created_at, "");
}

TEST(RecordSchemaTest, NamesTheFieldAtFault) {
  auto body = ValidTree();
  body.erase("name");
  EXPECT_EQ(FieldOf(body), "name");
  body = ValidTree();
  body["colour"] = "blue";
  EXPECT_EQ(FieldOf(body), "colour");
  body = ValidTree();
  body["planted"] = "2027-02-30";
  EXPECT_EQ(FieldOf(body), "planted");
  body = ValidTree();
  body["first_year"] = "2027/2029";
  EXPECT_EQ(FieldOf(body), "first_year");
  body = ValidTree();
  body["levels"] = {4};
  EXPECT_EQ(FieldOf(body), "levels[0]");
  body = ValidTree();
  body["levels"] = {nlohmann::json(4294967303ULL)};  // 2^32 + 7 is not 7
  EXPECT_EQ(FieldOf(body), "levels[0]");
  body = ValidTree();
  body["leaves"][1]["name"] = "bad";
  EXPECT_EQ(FieldOf(body), "leaves[1].name");
  body = ValidTree();
  body["leaves"][0]["weight"] = 6;
  EXPECT_EQ(FieldOf(body), "leaves[0].weight");
  body = ValidTree();
  body["leaves"].push_back({{"name", "c"}});
  EXPECT_EQ(FieldOf(body), "leaves");
  body = ValidTree();
  body["evergreen"] = "yes";
  EXPECT_EQ(FieldOf(body), "evergreen");
}

TEST(RecordSchemaTest, WritesEveryFieldWithNullForMissingOnes) {
  Tree tree = TreeSchema().Read(ValidTree());
  tree.id = 3;
  tree.leaves[1].id = 5;  // saved: every child has its id
  const auto json = TreeSchema().Write(tree);
  EXPECT_EQ(json["id"], 3);
  EXPECT_TRUE(json["note"].is_null());
  EXPECT_EQ(json["first_year"], "2027/2028");
  EXPECT_EQ(json["leaves"][0]["id"], 4);
  EXPECT_TRUE(json["leaves"][0]["weight"].is_null());
  EXPECT_EQ(json.size(), 12u);
  // What is written reads back as the same record.
  const Tree again = TreeSchema().Read(json);
  EXPECT_EQ(TreeSchema().Write(again).dump(), [&] {
    auto expected = json;
    expected["id"] = 0;
    expected["created_at"] = "";
    expected["updated_at"] = "";
    return expected.dump();
  }());
}

TEST(RecordSchemaTest, WritesTextInTheOrderOfTheFieldsThatReadsBackAsTheValue) {
  Tree tree = TreeSchema().Read(ValidTree());
  tree.id = 3;
  std::string text;
  JsonWriter out(text);
  TreeSchema().Write(tree, out);
  EXPECT_TRUE(text.starts_with(R"({"id":3,"version":1,"name":)")) << text;
  EXPECT_EQ(nlohmann::json::parse(text), TreeSchema().Write(tree));
  EXPECT_NE(text.find(R"("leaves":[{"id":4,)"), std::string::npos) << text;
}

TEST(RecordSchemaTest, OutputSchemaRequiresEveryFieldAndMarksReadOnlyOnes) {
  const auto schema = TreeSchema().OutputSchema();
  EXPECT_EQ(schema["required"].size(), 12u);
  EXPECT_EQ(schema["additionalProperties"], false);
  const auto& properties = schema["properties"];
  EXPECT_EQ(properties["id"]["readOnly"], true);
  EXPECT_EQ(properties["note"]["type"], nlohmann::json({"string", "null"}));
  EXPECT_EQ(properties["note"]["maxLength"], 30);
  EXPECT_EQ(properties["colour"]["enum"], nlohmann::json({"red", "green"}));
  EXPECT_EQ(properties["planted"]["format"], "date");
  EXPECT_EQ(properties["levels"]["items"]["maximum"], 8);
  EXPECT_EQ(properties["leaves"]["items"]["properties"]["weight"]["type"],
            nlohmann::json({"number", "null"}));
  EXPECT_EQ(properties["leaves"]["maxItems"], 2);
}

TEST(RecordSchemaTest, InputSchemaHasTheEditableFieldsAndWhatIsRequired) {
  const auto schema = TreeSchema().InputSchema();
  EXPECT_EQ(schema["required"], nlohmann::json({"name", "first_year"}));
  const auto& properties = schema["properties"];
  EXPECT_FALSE(properties.contains("id"));
  EXPECT_FALSE(properties.contains("created_at"));
  EXPECT_EQ(properties["colour"]["default"], "green");
  EXPECT_EQ(properties["colour"]["enum"], nlohmann::json({"red", "green", nullptr}));
  EXPECT_FALSE(properties["leaves"]["items"]["required"].contains("id"));
  EXPECT_EQ(properties["leaves"]["items"]["required"], nlohmann::json({"name"}));
  EXPECT_EQ(TreeSchema().Input().name, "TreeInput");
}

// The kinds of enumeration field: a typed value, required or optional.
struct Bud {
  Colour colour = Colour::kRed;
  std::optional<Colour> tint;
};

const RecordSchema<Bud>& BudSchema() {
  static const auto schema = RecordSchema<Bud>("Bud")
                                 .Enum("colour", &Bud::colour, kColourTable)
                                 .Enum("tint", &Bud::tint, kColourTable);
  return schema;
}

std::string MessageOf(const nlohmann::json& body) {
  try {
    BudSchema().Read(body);
  } catch (const ApiError& error) {
    return error.field() + ": " + error.what();
  }
  return "(accepted)";
}

TEST(RecordSchemaTest, EnumerationsReadAndWriteTheirNames) {
  const Bud bud = BudSchema().Read({{"colour", "green"}});
  EXPECT_EQ(bud.colour, Colour::kGreen);
  EXPECT_FALSE(bud.tint);
  EXPECT_EQ(BudSchema().Read({{"colour", "red"}, {"tint", "green"}}).tint,
            Colour::kGreen);
  EXPECT_EQ(BudSchema().Write(bud),
            nlohmann::json({{"colour", "green"}, {"tint", nullptr}}));
  // The messages name the field and the values.
  EXPECT_EQ(MessageOf({{"colour", "blue"}}), "colour: Must be one of: red, green");
  EXPECT_EQ(MessageOf({{"colour", "red"}, {"tint", "blue"}}), "tint: Must be one of: red, green");
  EXPECT_EQ(MessageOf(nlohmann::json::object()), "colour: Is required");
  const auto input = BudSchema().InputSchema();
  EXPECT_EQ(input["required"], nlohmann::json({"colour"}));
  EXPECT_EQ(input["properties"]["colour"],
            nlohmann::json({{"type", "string"}, {"enum", {"red", "green"}}}));
  EXPECT_EQ(input["properties"]["tint"],
            nlohmann::json({{"type", {"string", "null"}}, {"enum", {"red", "green", nullptr}}}));
}

TEST(RecordSchemaTest, PageSchemaRefersToTheItem) {
  const auto page = PageSchema(TreeSchema().Output());
  EXPECT_EQ(page.name, "TreePage");
  EXPECT_EQ(page.schema["properties"]["items"]["items"]["$ref"], "#/components/schemas/Tree");
  EXPECT_EQ(page.schema["properties"]["next_cursor"]["type"], nlohmann::json({"string", "null"}));
}

}  // namespace
}  // namespace weltcampus
