#include "fixtures.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <memory>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>

namespace weltcampus::api_test {
namespace {

std::atomic<int> g_counter{0};

const std::string& RunTag() {
  static const std::string tag = [] {
    std::random_device device;
    std::string text;
    for (int i = 0; i < 4; ++i) {
      text += static_cast<char>('a' + device() % 26);
    }
    return text;
  }();
  return tag;
}

}  // namespace

std::string SmallPdf(const std::string& title) {
  return "%PDF-1.4\n1 0 obj\n<< /Title (" + title +
         ") >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 "
         ">>\nstartxref\n60\n%%EOF\n";
}

std::string Unique(std::string_view prefix) {
  return std::string(prefix) + " " + RunTag() + std::to_string(++g_counter);
}

std::string UniqueLetters(std::size_t count) {
  // Base-26 of a per-run random offset plus a counter: distinct codes within a run.
  static const unsigned long long base = [] {
    std::random_device device;
    return (static_cast<unsigned long long>(device()) << 8) % 100000000ULL;
  }();
  unsigned long long value = base + static_cast<unsigned long long>(++g_counter) * 7919ULL;
  std::string letters(count, 'A');
  for (std::size_t i = 0; i < count; ++i) {
    letters[count - 1 - i] = static_cast<char>('A' + value % 26);
    value /= 26;
  }
  return letters;
}

std::string UniquePassword(const std::string& words) {
  static constexpr char kDigits[] = "3816942705";
  const std::string letters = UniqueLetters(10);
  std::string unique;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    unique += letters[i];
    unique += kDigits[i % 10];
  }
  return "Pw-" + unique + "-" + words;
}

long long IdOf(const Json& record) {
  return record.is_object() && record.contains("id") && record["id"].is_number_integer()
             ? record["id"].get<long long>()
             : -1;
}

long long VersionOf(const Json& record) {
  return record.is_object() && record.contains("version") && record["version"].is_number_integer()
             ? record["version"].get<long long>()
             : -1;
}

int CurrentAcademicYearStart() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  const int year = utc.tm_year + 1900;
  return utc.tm_mon + 1 >= 10 ? year : year - 1;
}

std::string AcademicYear(int start_year) {
  return std::to_string(start_year) + "/" + std::to_string(start_year + 1);
}

void CreateOk(const std::string& collection, const Json& body, Json* created) {
  const Response response = Api().Post(collection, body);
  ASSERT_TRUE(IsJson(response, 201)) << "request body: " << body.dump();
  ASSERT_TRUE(response.json.is_object()) << response;
  const long long id = IdOf(response.json);
  ASSERT_GT(id, 0) << "created record has no integer id: " << response;
  ASSERT_GE(VersionOf(response.json), 0) << "created record has no integer version: " << response;
  const std::string location = response.Header("Location");
  EXPECT_TRUE(location.size() >= std::to_string(id).size() + 1 &&
              location.ends_with("/" + std::to_string(id)))
      << "Location header \"" << location << "\" does not point at id " << id << ": " << response;
  EXPECT_EQ(response.Header("ETag"), Quoted(VersionOf(response.json))) << response;
  *created = response.json;
}

void GetOk(const std::string& path, Json* record) {
  const Response response = Api().Get(path);
  ASSERT_TRUE(IsJson(response, 200));
  *record = response.json;
}

void TotalOf(const std::string& path, long long* total) {
  const Response response =
      Api().Get(path + (path.find('?') == std::string::npos ? "?" : "&") + "limit=1");
  ASSERT_TRUE(IsJson(response, 200));
  ASSERT_TRUE(response.json.contains("total") && response.json["total"].is_number_integer())
      << "list answer without integer total: " << response;
  *total = response.json["total"].get<long long>();
}

void ListAll(const std::string& path, int limit, std::vector<Json>* items, long long* total) {
  items->clear();
  std::optional<std::string> cursor;
  const char separator = path.find('?') == std::string::npos ? '?' : '&';
  for (int page = 0; page < 10000; ++page) {
    std::string url = path + separator + "limit=" + std::to_string(limit);
    if (cursor) {
      url += "&cursor=" + UrlEncode(*cursor);
    }
    const Response response = Api().Get(url);
    ASSERT_TRUE(IsJson(response, 200));
    const Json& body = response.json;
    ASSERT_TRUE(body.is_object() && body.contains("items") && body["items"].is_array())
        << "list answer without items: " << response;
    ASSERT_TRUE(body.contains("next_cursor")) << "list answer without next_cursor: " << response;
    ASSERT_TRUE(body.contains("total") && body["total"].is_number_integer()) << response;
    ASSERT_LE(body["items"].size(), static_cast<std::size_t>(limit))
        << "page larger than limit " << limit << ": " << response;
    if (total != nullptr) {
      if (page == 0) {
        *total = body["total"].get<long long>();
      } else {
        EXPECT_EQ(*total, body["total"].get<long long>()) << "total changed between pages";
      }
    }
    for (const Json& item : body["items"]) {
      items->push_back(item);
    }
    if (body["next_cursor"].is_null()) {
      return;
    }
    ASSERT_TRUE(body["next_cursor"].is_string()) << response;
    ASSERT_FALSE(body["items"].empty()) << "empty page with a next_cursor: " << response;
    cursor = body["next_cursor"].get<std::string>();
  }
  FAIL() << "pagination of " << path << " did not end after 10000 pages";
}

Json NewInstitutionBody(std::string_view country) {
  return Json{{"name", Unique("Test University")},
              {"name_local", nullptr},
              {"country", country},
              {"city", "Testville"},
              {"website", "https://example.org/"},
              {"type", "university"},
              {"latitude", 45.75},
              {"longitude", 4.85}};
}

Json NewQuota(std::string_view direction, std::string_view category, int places) {
  const bool staff = std::string_view(category).starts_with("staff_");
  Json quota{{"direction", direction},
             {"category", category},
             {"isced_code", "0912"},
             {"eqf_levels", Json::array({7})},
             {"places_per_year", places},
             {"languages", Json::array({Json{{"language", "en"}, {"cefr", "B2"}}})}};
  if (staff) {
    quota["days_per_place"] = 5;
  } else {
    quota["months_per_place"] = 10;
  }
  return quota;
}

Json NewAgreementBody(long long partnership_id, long long institution_id, std::string_view status,
                      int first_year, int last_year) {
  return Json{{"partnership_id", partnership_id},
              {"title", Unique("Test agreement")},
              {"type", "bilateral_exchange"},
              {"status", status},
              {"first_academic_year", AcademicYear(first_year)},
              {"last_academic_year", AcademicYear(last_year)},
              {"partner_institution_ids", Json::array({institution_id})},
              {"contacts", Json::array({Json{{"name", "Dr. Jane Roe"},
                                             {"email", "jane.roe@example.org"},
                                             {"phone", "+33 4 00 00 00 00"},
                                             {"role", "coordinator"}}})},
              {"quotas", Json::array({NewQuota("outgoing", "student_studies", 3),
                                      NewQuota("incoming", "student_studies", 2)})}};
}

void CreatePartner(std::string_view tier, PartnerFixture* out) {
  ASSERT_NO_FATAL_FAILURE(
      CreateOk("/api/v1/institutions", NewInstitutionBody(), &out->institution));
  const Json body{{"institution_id", IdOf(out->institution)},
                  {"tier", tier},
                  {"since", "2024-05-01"},
                  {"responsible_person", "Prof. Test"},
                  {"objectives", "Student exchange in medicine"},
                  {"notes", "created by the API tests"}};
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/partnerships", body, &out->partnership));
}

bool NameHas(const Json& institution, std::string_view name_parts) {
  if (!institution.is_object() || !institution.contains("name") ||
      !institution["name"].is_string()) {
    return false;
  }
  const std::string name = institution["name"].get<std::string>();
  std::size_t start = 0;
  while (start <= name_parts.size()) {
    const auto end = std::min(name_parts.find('|', start), name_parts.size());
    if (name.find(name_parts.substr(start, end - start)) == std::string::npos) {
      return false;
    }
    start = end + 1;
  }
  return true;
}

void FindDemoPartnership(std::string_view name_parts, Json* partnership) {
  std::vector<Json> all;
  ASSERT_NO_FATAL_FAILURE(ListAll("/api/v1/partnerships", 200, &all));
  for (const Json& item : all) {
    if (item.contains("institution") && NameHas(item["institution"], name_parts)) {
      *partnership = item;
      return;
    }
  }
  FAIL() << "no demo partnership whose institution name contains \"" << name_parts << "\" among "
         << all.size() << " partnerships";
}

std::string AgreementPath(const Json& agreement) {
  return kAgreements + "/" + std::to_string(IdOf(agreement));
}

void UpdateOk(const std::string& path, const Json& record, Json* updated) {
  const Response response = Api().Put(path, record, VersionOf(record));
  ASSERT_TRUE(IsJson(response, 200)) << "request body: " << record.dump();
  *updated = response.json;
}

void WaitForJob(long long id, Json* job, ApiClient& client) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  for (;;) {
    const Response answer = client.Get("/api/v1/jobs/" + std::to_string(id));
    ASSERT_TRUE(IsJson(answer, 200)) << answer;
    const std::string status = Str(answer.json, "status");
    if (status == "succeeded" || status == "failed" || status == "cancelled") {
      *job = answer.json;
      return;
    }
    ASSERT_LT(std::chrono::steady_clock::now(), deadline)
        << "job still " << status << ": " << answer;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

long long InstitutionsWithCode(const std::string& code) {
  const Response answer = Api().Get(Query(kInstitutions, {{"q", code}}));
  EXPECT_TRUE(IsJson(answer, 200)) << answer;
  return answer.json.value("total", -1LL);
}

int Collate(const std::string& a, const std::string& b) {
  static const std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> made(
        icu::Collator::createInstance(icu::Locale::getRoot(), status));
    made->setStrength(icu::Collator::SECONDARY);
    made->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
    if (U_FAILURE(status)) {
      throw std::runtime_error(u_errorName(status));
    }
    return made;
  }();
  UErrorCode status = U_ZERO_ERROR;
  return collator->compareUTF8(a, b, status);
}

std::string CountryNameIn(const std::string& code, const std::string& language) {
  icu::UnicodeString name;
  icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale(language.c_str()), name);
  std::string text;
  name.toUTF8String(text);
  return text;
}

}  // namespace weltcampus::api_test
