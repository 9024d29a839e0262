#include <gtest/gtest.h>

#include <memory>

#include "audit/audit.h"
#include "partners/repository.h"
#include "partners/service.h"
#include "store/temporary_database.h"

namespace weltcampus::partners {
namespace {

using store::Backend;
using store::Connection;

// Search texts are folded by the server (FoldForSearch); a migration folds stored texts again when
// the folding changes (cli::MigrateDatabase, 0009_search_refold).
class SearchTextRefoldTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store::testing::TemporaryDatabase>(GetParam(), true);
    service_ = std::make_unique<PartnersService>(db_->database());
  }

  int64_t InstitutionsFound(const std::string& q) {
    InstitutionFilter filter;
    filter.q = q;
    return service_->ListInstitutions(filter, PageRequest{}).total;
  }

  int64_t AgreementsFound(const std::string& q) {
    AgreementFilter filter;
    filter.q = q;
    return service_->ListAgreements(filter, PageRequest{}).total;
  }

  std::unique_ptr<store::testing::TemporaryDatabase> db_;
  std::unique_ptr<PartnersService> service_;
};

TEST_P(SearchTextRefoldTest, FoldsStoredTextsAgainAndTheSearchFindsThem) {
  const auto actor = audit::Actor::System();
  Institution institution;
  institution.name = "Universität Zürich";
  institution.city = "Zürich";
  institution.country = "CH";
  institution = service_->CreateInstitution(actor, institution);
  Partnership partnership;
  partnership.institution_id = institution.id;
  partnership = service_->CreatePartnership(actor, Date{2026, 12, 2}, partnership);
  Agreement agreement;
  agreement.partnership_id = partnership.id;
  agreement.title = "Accord Genève–Łódź";
  agreement.type = AgreementType::kErasmusIia;
  agreement.status = AgreementStatus::kSigned;
  agreement.first_academic_year = 2026;
  agreement.last_academic_year = 2027;
  agreement.ends_on = "2028-09-30";
  service_->CreateAgreement(actor, agreement);
  ASSERT_EQ(InstitutionsFound("universitat zurich"), 1);
  ASSERT_EQ(AgreementsFound("geneve–lodz"), 1);

  // As a database written before accents were folded holds them.
  db_->database().Write([](Connection& c) {
    c.Exec("UPDATE institutions SET search_text = 'universität zürich'");
    c.Exec("UPDATE agreements SET search_text = 'accord genève–łódź'");
  });
  EXPECT_EQ(InstitutionsFound("universitat zurich"), 0);
  EXPECT_EQ(AgreementsFound("geneve–lodz"), 0);

  db_->database().Write([](Connection& c) { repository::RefoldSearchTexts(c); });
  EXPECT_EQ(InstitutionsFound("universitat zurich"), 1);
  EXPECT_EQ(InstitutionsFound("UNIVERSITÄT ZÜRICH"), 1);
  EXPECT_EQ(InstitutionsFound("niver"), 1);
  EXPECT_EQ(AgreementsFound("geneve–lodz"), 1);
  EXPECT_EQ(AgreementsFound("GENÈVE"), 1);
  // Found through the institution's name too.
  EXPECT_EQ(AgreementsFound("zurich"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchTextRefoldTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return store::testing::BackendName(info.param);
                         });

}  // namespace
}  // namespace weltcampus::partners
