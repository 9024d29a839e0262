#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "partners/json.h"
#include "partners/repository.h"
#include "partners/service.h"
#include "store/temporary_database.h"

namespace weltcampus::partners {
namespace {

using store::Backend;
using store::Connection;

Quota StudyQuota(std::vector<int> levels, std::vector<LanguageRequirement> languages) {
  Quota quota;
  quota.direction = Direction::kOutgoing;
  quota.category = QuotaCategory::kStudentStudies;
  quota.eqf_levels = std::move(levels);
  quota.places_per_year = 2;
  quota.months_per_place = 5.5;
  quota.languages = std::move(languages);
  return quota;
}

// A list page writes an agreement's partners, contacts and quotas from the text kept with it
// (agreements.children_json): it must read as what the agreement's own answer says, after every
// write, and `check counts` (StaleCopies) must tell when it does not.
class AgreementChildrenTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store::testing::TemporaryDatabase>(GetParam(), true);
    service_ = std::make_unique<PartnersService>(db_->database());
    const auto actor = audit::Actor::System();
    Institution institution;
    institution.name = "Uniwersytet Medyczny we Wrocławiu";
    institution.country = "PL";
    institution = service_->CreateInstitution(actor, institution);
    Partnership partnership;
    partnership.institution_id = institution.id;
    partnership = service_->CreatePartnership(actor, Date{2026, 12, 3}, partnership);
    Agreement agreement;
    agreement.partnership_id = partnership.id;
    agreement.title = "Medicine";
    agreement.type = AgreementType::kErasmusIia;
    agreement.status = AgreementStatus::kSigned;
    agreement.first_academic_year = 2026;
    agreement.last_academic_year = 2027;
    agreement.ends_on = "2028-09-30";
    agreement.partner_institution_ids = {institution.id};
    agreement.contacts.push_back(
        {0, "Anna Nowak", "anna@example.org", std::nullopt, "coordinator"});
    // EQF levels given out of order: the rows give them ascending, and so must the kept text.
    agreement.quotas.push_back(StudyQuota({7, 6}, {{"pl", "B1"}, {"en", "B2"}}));
    agreement.quotas.push_back(StudyQuota({}, {}));
    agreement_ = service_->CreateAgreement(actor, agreement);
  }

  // The agreement as its list page writes it, and as its own answer does.
  nlohmann::json Listed() {
    const auto page = service_->ListAgreements(AgreementFilter{}, PageRequest{});
    EXPECT_EQ(page.items.size(), 1u);
    return page.items.empty() ? nlohmann::json() : ToJson(page.items.front());
  }
  nlohmann::json Own() { return ToJson(service_->GetAgreement(agreement_.id)); }

  std::vector<std::string> Stale() {
    return db_->database().Read([](Connection& c) { return repository::StaleCopies(c); });
  }

  std::unique_ptr<store::testing::TemporaryDatabase> db_;
  std::unique_ptr<PartnersService> service_;
  Agreement agreement_;
};

TEST_P(AgreementChildrenTest, TheListWritesTheKeptChildrenAsTheAgreementHasThem) {
  const auto listed = Listed();
  EXPECT_EQ(listed, Own());
  EXPECT_EQ(listed["quotas"][0]["eqf_levels"], nlohmann::json({6, 7}));
  EXPECT_EQ(listed["quotas"][0]["languages"][0]["language"], "pl");
  EXPECT_EQ(listed["contacts"][0]["name"], "Anna Nowak");
  EXPECT_TRUE(Stale().empty());

  // An update keeps one quota by id, drops the other, adds one and drops the contact.
  Agreement changed = service_->GetAgreement(agreement_.id);
  changed.quotas.erase(changed.quotas.begin() + 1);
  changed.quotas.front().languages = {{"en", "C1"}};
  changed.quotas.push_back(StudyQuota({8}, {{"de", "A2"}}));
  changed.contacts.clear();
  service_->UpdateAgreement(audit::Actor::System(), agreement_.id, changed, changed.version);
  const auto updated = Listed();
  EXPECT_EQ(updated, Own());
  EXPECT_EQ(updated["quotas"].size(), 2u);
  EXPECT_EQ(updated["quotas"][0]["id"], listed["quotas"][0]["id"]);
  EXPECT_EQ(updated["quotas"][0]["languages"],
            nlohmann::json::parse(R"([{"cefr":"C1","language":"en"}])"));
  EXPECT_TRUE(updated["contacts"].empty());
  EXPECT_TRUE(Stale().empty());
}

TEST_P(AgreementChildrenTest, ChecksTellAStaleTextAndTheMigrationWritesItAgain) {
  const auto own = Own();
  // As a database holds it before the migration that writes the texts: the list reads the rows.
  db_->database().Write([](Connection& c) { c.Exec("UPDATE agreements SET children_json = ''"); });
  EXPECT_EQ(Listed(), own);
  EXPECT_EQ(Stale().size(), 1u);
  db_->database().Write([](Connection& c) { repository::KeepAllChildrenTexts(c); });
  EXPECT_TRUE(Stale().empty());
  EXPECT_EQ(Listed(), own);

  // A text that a write outside the repository left behind.
  db_->database().Write([](Connection& c) {
    c.Exec(
        "UPDATE agreements SET children_json = "
        "'\"partner_institution_ids\":[],\"contacts\":[],\"quotas\":[]'");
  });
  const auto stale = Stale();
  ASSERT_EQ(stale.size(), 1u);
  EXPECT_NE(stale.front().find("agreement " + std::to_string(agreement_.id)), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, AgreementChildrenTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return store::testing::BackendName(info.param);
                         });

}  // namespace
}  // namespace weltcampus::partners
