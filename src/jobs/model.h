#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace weltcampus::jobs {

inline constexpr std::array<std::string_view, 5> kJobStatuses = {"queued", "running", "succeeded",
                                                                 "failed", "cancelled"};

// A piece of long work (an import) and how far it is. The row is the only state: any server may
// run it, any server answers for it.
struct Job {
  int64_t id = 0;
  std::string kind;  // "import"
  std::string status = "queued";
  nlohmann::json params = nlohmann::json::object();
  int64_t progress_done = 0;
  int64_t progress_total = 0;
  std::optional<std::string> message;
  nlohmann::json result;  // null until it ends
  bool cancel_requested = false;
  std::optional<int64_t> created_by;
  std::optional<std::string> runner;
  std::optional<std::string> heartbeat_at;
  std::string created_at;
  std::optional<std::string> started_at;
  std::optional<std::string> finished_at;
  std::string updated_at;
  bool has_report = false;  // a result file to download

  bool finished() const {
    return status == "succeeded" || status == "failed" || status == "cancelled";
  }
};

// A file of a job: its input ("input") or its result ("report").
struct JobFile {
  std::string role;
  std::string name;
  std::string content_type;
  std::string content;
};

nlohmann::json ToJson(const Job& job);

}  // namespace weltcampus::jobs
