#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

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

// Apostrophes do not count: "kings", "king's" and "king’s" find King's and King’s alike.
TEST_P(SearchTextRefoldTest, ApostrophesDoNotCount) {
  const auto actor = audit::Actor::System();
  for (const char* name : {"King's College London", "Queen’s University Belfast"}) {
    Institution institution;
    institution.name = name;
    institution.country = "GB";
    service_->CreateInstitution(actor, institution);
  }
  for (const char* q : {"kings college", "king's", "KING’S", "queens", "queen's univ"}) {
    EXPECT_EQ(InstitutionsFound(q), 1) << q;
  }
  EXPECT_EQ(InstitutionsFound("s college"), 1);
}

// A search matching most rows is read in the list's order (Filter::ScanAlternative), one matching
// few through the trigram index: both find exactly the matching rows, in order, page by page.
TEST_P(SearchTextRefoldTest, SearchesMatchingManyOrFewRowsPageAlike) {
  const auto actor = audit::Actor::System();
  for (int i = 0; i < 25; ++i) {
    Institution institution;
    institution.name = "Universität Nr " + std::to_string(100 + (i * 7) % 25);
    institution.country = "AT";
    service_->CreateInstitution(actor, institution);
  }
  Institution other;
  other.name = "Hochschule Feldkirch";
  other.country = "AT";
  service_->CreateInstitution(actor, other);
  const auto walk = [&](const std::string& q) {
    InstitutionFilter filter;
    filter.q = q;
    PageRequest page = repository::InstitutionSorts().PageFrom({{"sort", "name"}, {"limit", "7"}});
    std::vector<std::string> names;
    for (int pages = 0; pages < 20; ++pages) {
      const auto result = service_->ListInstitutions(filter, page);
      for (const auto& institution : result.items) {
        names.push_back(institution.name);
      }
      if (!result.next_cursor) {
        EXPECT_EQ(static_cast<int64_t>(names.size()), result.total);
        break;
      }
      page = NextPageRequest(page, *result.next_cursor);
    }
    return names;
  };
  const auto many = walk("UNIVERSITAT nr");
  ASSERT_EQ(many.size(), 25u);
  for (std::size_t i = 0; i < many.size(); ++i) {
    EXPECT_EQ(many[i], "Universität Nr " + std::to_string(100 + i));
  }
  EXPECT_EQ(walk("hochsch"), std::vector<std::string>{"Hochschule Feldkirch"});
  EXPECT_EQ(walk("Nr 11"), (std::vector<std::string>{"Universität Nr 110", "Universität Nr 111",
                                                     "Universität Nr 112", "Universität Nr 113",
                                                     "Universität Nr 114", "Universität Nr 115",
                                                     "Universität Nr 116", "Universität Nr 117",
                                                     "Universität Nr 118", "Universität Nr 119"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchTextRefoldTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return store::testing::BackendName(info.param);
                         });

}  // namespace
}  // namespace weltcampus::partners
