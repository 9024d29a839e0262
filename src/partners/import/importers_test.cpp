#include "partners/import/importers.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include "interop/text_file.h"
#include "kit/importers.h"
#include "organisation/import/importers.h"
#include "partners/import/eche_import.h"
#include "store/migrations.h"

namespace weltcampus::partners {
namespace {

namespace fs = std::filesystem;

const std::string kData = WELTCAMPUS_SHARED_DATA;
const std::string kEche = kData + "/eche/eche_2026-04-08.csv";
const std::string kWorld = kData + "/hipo/world_universities_and_domains.json";
const std::string kIsced = kData + "/isced/iscedf2013.csv";

// A fresh SQLite file per test, so that tests may run in parallel processes.
class ReferenceImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(kEche) && fs::exists(kWorld) && fs::exists(kIsced))
        << "reference data not found in " << kData;
    RegisterImporters();
    organisation::RegisterImporters();
    path_ = fs::temp_directory_path() /
            ("weltcampus-import-" + std::to_string(getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    fs::remove(path_);
    database_ = store::Database::Open("sqlite:" + path_.string(), 1);
    store::Migrate(*database_);
  }
  void TearDown() override {
    database_.reset();
    if (!path_.empty()) {
      fs::remove(path_);
    }
  }
  int64_t Count(const std::string& sql) {
    return database_->Read([&](store::Connection& c) { return c.Count(sql); });
  }

  fs::path path_;
  std::shared_ptr<store::Database> database_;
};

// The file has 6,142 rows; four carry Erasmus codes that break the code's format even after
// no-break spaces are turned into spaces ("DK FREDERICIA 01", "F  PARIS 063", "F  VERDUN1",
// "RSPROKUP01"), so 6,138 institutions are imported and four rows rejected with their line.
TEST_F(ReferenceImportTest, EcheYieldsItsInstitutionsAndASecondRunChangesNothing) {
  const auto first = kit::ImportFile(*database_, audit::Actor::System(), "eche", kEche);
  EXPECT_EQ(first.rows(), 6142);
  EXPECT_EQ(first.added, 6138);
  EXPECT_EQ(first.updated, 0);
  ASSERT_EQ(first.rejected.size(), 4u);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM institutions"), 6138);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM institutions WHERE erasmus_code = 'D  DRESDEN02' "
                  "AND hei_id = 'tu-dresden.de' AND country = 'DE'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM institutions WHERE country IN ('EL', 'UK')"), 0);

  const auto second = kit::ImportFile(*database_, audit::Actor::System(), "eche", kEche);
  EXPECT_EQ(second.added, 0);
  EXPECT_EQ(second.updated, 0);
  EXPECT_EQ(second.unchanged, 6138);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM institutions"), 6138);
}

TEST_F(ReferenceImportTest, BothListsMergeInstitutionsOnTheirWebDomain) {
  kit::ImportFile(*database_, audit::Actor::System(), "eche", kEche);
  const auto world =
      kit::ImportFile(*database_, audit::Actor::System(), "world-universities", kWorld);
  EXPECT_EQ(world.rows(), 10251);
  // Over a thousand universities are in both lists and were not added a second time.
  EXPECT_GT(world.updated + world.unchanged, 1000);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM institutions"), 6138 + world.added);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM institutions WHERE hei_id = 'medunigraz.at'"), 1);

  const auto world_again =
      kit::ImportFile(*database_, audit::Actor::System(), "world-universities", kWorld);
  EXPECT_EQ(world_again.added, 0);
  EXPECT_EQ(world_again.updated, 0);
  const auto eche_again = kit::ImportFile(*database_, audit::Actor::System(), "eche", kEche);
  EXPECT_EQ(eche_again.added, 0);
  EXPECT_EQ(eche_again.updated, 0);
}

TEST_F(ReferenceImportTest, WorldListFirstThenEcheStillOneInstitutionEach) {
  kit::ImportFile(*database_, audit::Actor::System(), "world-universities", kWorld);
  const auto eche = kit::ImportFile(*database_, audit::Actor::System(), "eche", kEche);
  EXPECT_GT(eche.updated, 900);  // charter holders found by their website's domain
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM institutions WHERE hei_id = 'umw.edu.pl'"), 1);
  const auto world_again =
      kit::ImportFile(*database_, audit::Actor::System(), "world-universities", kWorld);
  EXPECT_EQ(world_again.added + world_again.updated, 0);
  const auto eche_again = kit::ImportFile(*database_, audit::Actor::System(), "eche", kEche);
  EXPECT_EQ(eche_again.added + eche_again.updated, 0);
}

TEST_F(ReferenceImportTest, IscedTableHasAllCodes) {
  const auto first = kit::ImportFile(*database_, audit::Actor::System(), "isced", kIsced);
  EXPECT_EQ(first.added, 220);
  EXPECT_TRUE(first.rejected.empty());
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM isced_fields WHERE code = '0912' AND label_de = "
                  "'Medizin'"),
            1);
  const auto second = kit::ImportFile(*database_, audit::Actor::System(), "isced", kIsced);
  EXPECT_EQ(second.unchanged, 220);
}

TEST_F(ReferenceImportTest, AFailedImportChangesNothing) {
  EXPECT_THROW(
      kit::ImportFile(*database_, audit::Actor::System(), "eche", kData + "/no/such/file.csv"),
      std::runtime_error);
  const auto file = ParseEche(interop::ReadTextFile(kEche));
  EXPECT_THROW(database_->Write([&](store::Connection& c) {
    ImportEche(c, file);
    throw std::runtime_error("disk full");
  }),
               std::runtime_error);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM institutions"), 0);
}

TEST_F(ReferenceImportTest, ADryRunReportsWhatItWouldDoAndWritesNothing) {
  interop::ImportControl dry;
  dry.dry_run = true;
  std::size_t last_done = 0;
  std::size_t last_total = 0;
  dry.progress = [&](std::size_t done, std::size_t total) {
    EXPECT_GE(done, last_done);
    last_done = done;
    last_total = total;
  };
  const auto audit_before = Count("SELECT COUNT(*) AS n FROM audit_log");
  const auto report = kit::ImportFile(*database_, audit::Actor::System(), "eche", kEche, dry);
  EXPECT_TRUE(report.dry_run);
  EXPECT_EQ(report.added, 6138);
  EXPECT_EQ(report.changes.size(), 6138u);
  EXPECT_TRUE(report.changes.front().added);
  EXPECT_EQ(report.rejected.size(), 4u);
  EXPECT_EQ(last_done, last_total);
  EXPECT_EQ(last_total, 6138u);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM institutions"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM audit_log"), audit_before);

  // The real import then does what the dry run said, with one audit entry.
  const auto applied = kit::ImportFile(*database_, audit::Actor::System(), "eche", kEche);
  EXPECT_EQ(applied.added, report.added);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM audit_log"), audit_before + 1);
  interop::ImportControl isced_dry;
  isced_dry.dry_run = true;
  const auto again =
      kit::ImportFile(*database_, audit::Actor::System(), "isced", kIsced, isced_dry);
  EXPECT_EQ(again.added, 220);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM isced_fields"), 0);
}

TEST_F(ReferenceImportTest, ACancelledImportWritesNothing) {
  interop::ImportControl control;
  std::size_t asked = 0;
  // Asked between batches: the third time, half-way through the writes, it says stop.
  control.cancelled = [&] { return ++asked == 3; };
  const auto audit_before = Count("SELECT COUNT(*) AS n FROM audit_log");
  EXPECT_THROW(kit::ImportFile(*database_, audit::Actor::System(), "eche", kEche, control),
               interop::ImportCancelled);
  EXPECT_EQ(asked, 3u);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM institutions"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM audit_log"), audit_before);
}

TEST(ImportReportCsv, ListsEveryRowInFileOrderAndDisarmsFormulas) {
  interop::ImportReport report;
  report.rejected = {{7, "invalid Erasmus code \"=1+1\""}};
  report.changes = {{2, true, "F  PARIS001", "=HYPERLINK(\"x\")"},
                    {9, false, "D  BONN01", "Uni, Bonn"}};
  const auto csv = interop::ReportCsv(report);
  EXPECT_EQ(csv,
            "line,outcome,key,name,reason\r\n"
            "2,added,F  PARIS001,\"'=HYPERLINK(\"\"x\"\")\",\r\n"
            "7,rejected,,,\"invalid Erasmus code \"\"=1+1\"\"\"\r\n"
            "9,updated,D  BONN01,\"Uni, Bonn\",\r\n");
}

}  // namespace
}  // namespace weltcampus::partners
