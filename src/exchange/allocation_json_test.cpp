#include "exchange/allocation_json.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace weltcampus::exchange {
namespace {

// o2 has one place, ranked by score: a2 (85) beats a1 (80) and a3 (70). o1 ranks by its own
// priority and lists a1 only: a1 gets it, a3 is not eligible there.
constexpr const char* kAllocationExample = R"({
  "offers": [{"id": "o1", "capacity": 2, "priority": {"a1": 87.5}},
             {"id": "o2", "capacity": 1}],
  "applicants": [{"id": "a1", "score": 80.0, "prefs": ["o2", "o1"]},
                 {"id": "a2", "score": 85.0, "prefs": ["o2"]},
                 {"id": "a3", "score": 70.0, "prefs": ["o2", "o1"]}],
  "seed": 7
})";

std::string SolveAllocationJson(const std::string& text, bool explain) {
  const auto input = ReadAllocationInput(nlohmann::json::parse(text));
  const auto instance = IndexAllocationInput(input);
  const auto allocation = Allocate(instance);
  const auto explanations = ExplainAllocation(instance, allocation);
  AllocationJsonParts parts;
  if (explain) {
    parts.explanations = &explanations;
  }
  return AllocationResultJson(input, allocation, parts);
}

TEST(AllocationJsonTest, SolvesTheExample) {
  const auto result = nlohmann::json::parse(SolveAllocationJson(kAllocationExample, false));
  EXPECT_EQ(result["assignment"], nlohmann::json::parse(R"({"a1": "o1", "a2": "o2", "a3": null})"));
  // o1 has a free place: no cutoff; o2 is full at a2's 85.
  EXPECT_EQ(result["cutoffs"], nlohmann::json::parse(R"({"o1": null, "o2": 85.0})"));
  EXPECT_EQ(result["seed"], 7);
  EXPECT_FALSE(result.contains("explanations"));
  // Applicants and offers in the input's order, numbers as written.
  EXPECT_NE(
      SolveAllocationJson(kAllocationExample, false)
          .find(R"("assignment":{"a1":"o1","a2":"o2","a3":null},"cutoffs":{"o1":null,"o2":85.0})"),
      std::string::npos);
}

TEST(AllocationJsonTest, ExplainsEveryHigherPreference) {
  const auto result = nlohmann::json::parse(SolveAllocationJson(kAllocationExample, true));
  EXPECT_EQ(result["explanations"]["a1"], nlohmann::json::parse(R"({"offer": "o1", "higher": [
      {"offer": "o2", "reason": "offer_full", "cutoff": 85.0, "priority": 80.0, "lottery": false}]})"));
  EXPECT_EQ(result["explanations"]["a2"],
            nlohmann::json::parse(R"({"offer": "o2", "higher": []})"));
  EXPECT_EQ(result["explanations"]["a3"], nlohmann::json::parse(R"({"offer": null, "higher": [
      {"offer": "o2", "reason": "offer_full", "cutoff": 85.0, "priority": 70.0, "lottery": false},
      {"offer": "o1", "reason": "not_eligible"}]})"));
}

TEST(AllocationJsonTest, ExplainsAFullPartnerCap) {
  const auto result = nlohmann::json::parse(SolveAllocationJson(R"({
    "offers": [{"id": "o1", "capacity": 1}, {"id": "o2", "capacity": 1}],
    "partners": [{"id": "p1", "capacity": 1, "offers": ["o1", "o2"]}],
    "applicants": [{"id": "a1", "score": 60, "prefs": ["o1"]},
                   {"id": "a2", "score": 90, "prefs": ["o2"]}],
    "seed": 1})",
                                                                true));
  EXPECT_EQ(result["assignment"], nlohmann::json::parse(R"({"a1": null, "a2": "o2"})"));
  EXPECT_EQ(result["partner_cutoffs"], nlohmann::json::parse(R"({"p1": 90.0})"));
  EXPECT_EQ(result["explanations"]["a1"]["higher"][0],
            nlohmann::json::parse(R"({"offer": "o1", "reason": "partner_full", "partner": "p1",
                                      "cutoff": 90.0, "standing": 60.0, "lottery": false})"));
}

void ExpectReadError(const std::string& text, const std::string& field) {
  try {
    IndexAllocationInput(ReadAllocationInput(nlohmann::json::parse(text)));
    ADD_FAILURE() << "no error for " << text;
  } catch (const AllocationInputError& error) {
    EXPECT_EQ(error.field(), field) << error.what();
  }
}

TEST(AllocationJsonTest, RefusesMalformedInstancesNamingTheField) {
  ExpectReadError("[]", "");
  ExpectReadError(R"({"applicants": [], "seed": 1})", "offers");
  ExpectReadError(R"({"offers": [], "applicants": []})", "seed");
  ExpectReadError(R"({"offers": [], "applicants": [], "seed": -1})", "seed");
  ExpectReadError(R"({"offers": [], "applicants": [], "seed": 1, "partner": []})", "partner");
  ExpectReadError(R"({"offers": [{"id": "o1", "capacity": 1.5}], "applicants": [], "seed": 1})",
                  "offers[0].capacity");
  ExpectReadError(R"({"offers": [{"id": "o1", "capacity": -2}], "applicants": [], "seed": 1})",
                  "offers[0].capacity");
  ExpectReadError(R"({"offers": [{"id": 5, "capacity": 1}], "applicants": [], "seed": 1})",
                  "offers[0].id");
  ExpectReadError(
      R"({"offers": [{"id": "o1", "capacity": 1, "priority": {"a1": "high"}}], "applicants": [], "seed": 1})",
      "offers[0].priority.a1");
  ExpectReadError(
      R"({"offers": [{"id": "o1", "capacity": 1}], "applicants": [{"id": "a1", "score": 1, "prefs": ["o2"]}], "seed": 1})",
      "applicants[0].prefs[0]");
  ExpectReadError(
      R"({"offers": [{"id": "o1", "capacity": 1}], "applicants": [{"id": "a1", "score": 1, "prefs": "o1"}], "seed": 1})",
      "applicants[0].prefs");
  ExpectReadError(
      R"({"offers": [{"id": "o1", "capacity": 1}], "applicants": [], "seed": 1,
          "partners": [{"id": "p1", "capacity": 1, "offers": ["o1"]},
                       {"id": "p2", "capacity": 1, "offers": ["o1"]}]})",
      "partners[1].offers[0]");
}

// ---- The command line, the real binary ---------------------------------------------------------

std::filesystem::path AllocationBinary() {
  // The unit tests are built beside the server: build-test/weltcampus.
  return std::filesystem::read_symlink("/proc/self/exe").parent_path() / "weltcampus";
}

struct CommandRun {
  int status = -1;
  std::string output;
};

CommandRun RunAllocationCommand(const std::string& arguments) {
  const std::string command =
      AllocationBinary().string() + " allocation solve " + arguments + " 2>&1";
  CommandRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    return run;
  }
  std::array<char, 4096> buffer{};
  size_t read = 0;
  while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    run.output.append(buffer.data(), read);
  }
  const int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::filesystem::path WriteAllocationFile(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("weltcampus-allocation-" + std::to_string(getpid()) + "-" + name);
  std::ofstream(path) << text;
  return path;
}

TEST(AllocationCommandTest, SolvesAFileAndPrintsJson) {
  ASSERT_TRUE(std::filesystem::exists(AllocationBinary())) << AllocationBinary();
  const auto file = WriteAllocationFile("example.json", kAllocationExample);
  const auto run = RunAllocationCommand(file.string() + " --explain --what-if offer:o2:1");
  std::filesystem::remove(file);
  ASSERT_EQ(run.status, 0) << run.output;
  const auto result = nlohmann::json::parse(run.output);
  EXPECT_EQ(result["assignment"], nlohmann::json::parse(R"({"a1": "o1", "a2": "o2", "a3": null})"));
  EXPECT_EQ(result["cutoffs"], nlohmann::json::parse(R"({"o1": null, "o2": 85.0})"));
  EXPECT_EQ(result["explanations"]["a3"]["higher"].size(), 2U);
  // One more place at o2: a1 moves up to it, a3 still has none (not eligible at o1).
  EXPECT_EQ(result["what_if"], nlohmann::json::parse(R"({"offer": "o2", "places": 1,
      "newly_placed": 0, "improved": 1, "worse": 0,
      "moves": [{"applicant": "a1", "from": "o1", "to": "o2"}]})"));
}

TEST(AllocationCommandTest, ABadInstanceIsExitStatusTwoAndNamesTheField) {
  ASSERT_TRUE(std::filesystem::exists(AllocationBinary())) << AllocationBinary();
  const auto file = WriteAllocationFile("bad.json", R"({"offers": [{"id": "o1", "capacity": 1}],
                     "applicants": [{"id": "a1", "score": 1, "prefs": ["o1", "o1"]}], "seed": 1})");
  const auto run = RunAllocationCommand(file.string());
  const auto broken = WriteAllocationFile("broken.json", "{\"offers\": [");
  const auto not_json = RunAllocationCommand(broken.string());
  std::filesystem::remove(file);
  std::filesystem::remove(broken);
  EXPECT_EQ(run.status, 2);
  const auto error = nlohmann::json::parse(run.output);
  EXPECT_EQ(error["error"]["code"], "validation_failed");
  EXPECT_EQ(error["error"]["field"], "applicants[0].prefs[1]");
  EXPECT_EQ(not_json.status, 2);
  EXPECT_EQ(nlohmann::json::parse(not_json.output)["error"]["code"], "bad_request");
}

}  // namespace
}  // namespace weltcampus::exchange
