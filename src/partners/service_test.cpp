#include "partners/service.h"

#include <gtest/gtest.h>

#include <memory>

#include "audit/audit.h"
#include "store/temporary_database.h"

namespace weltcampus::partners {
namespace {

using store::Backend;
using store::Connection;
namespace testing = store::testing;

// The service's rules get the actor and the day as arguments: the same call on another day or by
// another person gives an answer fixed by those arguments alone.
class PartnersServiceTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TemporaryDatabase>(GetParam(), true);
    service_ = std::make_unique<PartnersService>(db_->database());
  }

  std::vector<audit::AuditEntry> AuditOf(const std::string& type) {
    return db_->database().Read([&](Connection& c) {
      audit::AuditFilter filter;
      filter.entity_type = type;
      return audit::ListAllAudit(c, filter);
    });
  }

  std::unique_ptr<testing::TemporaryDatabase> db_;
  std::unique_ptr<PartnersService> service_;
};

TEST_P(PartnersServiceTest, PlacesAreCountedInTheAcademicYearOfTheGivenDay) {
  const audit::Actor office{7, "192.0.2.1", "req-1"};
  Institution institution;
  institution.name = "Uniwersytet Medyczny we Wrocławiu";
  institution.country = "PL";
  institution = service_->CreateInstitution(office, institution);
  Partnership partnership;
  partnership.institution_id = institution.id;
  const Date autumn_2026{2026, 11, 28};
  partnership = service_->CreatePartnership(office, autumn_2026, partnership);
  Agreement agreement;
  agreement.partnership_id = partnership.id;
  agreement.type = AgreementType::kErasmusIia;
  agreement.status = AgreementStatus::kSigned;
  agreement.first_academic_year = 2026;
  agreement.last_academic_year = 2027;
  agreement.ends_on = "2028-09-30";
  Quota quota;
  quota.direction = Direction::kOutgoing;
  quota.category = QuotaCategory::kStudentStudies;
  quota.places_per_year = 2;
  quota.months_per_place = 5;
  agreement.quotas.push_back(quota);
  agreement = service_->CreateAgreement(office, agreement);
  agreement.status = AgreementStatus::kActive;
  service_->UpdateAgreement(office, agreement.id, agreement, agreement.version);

  // 2026/2027 and 2027/2028 (1 October to 30 September) have the places; the years before and
  // after have none.
  EXPECT_EQ(service_->GetPartnership(partnership.id, autumn_2026).places_per_year, 2);
  EXPECT_EQ(service_->GetPartnership(partnership.id, Date{2028, 9, 30}).places_per_year, 2);
  EXPECT_EQ(service_->GetPartnership(partnership.id, Date{2026, 9, 30}).places_per_year, 0);
  EXPECT_EQ(service_->GetPartnership(partnership.id, Date{2028, 10, 1}).places_per_year, 0);
  EXPECT_EQ(service_->GetSummary(autumn_2026).outgoing_places, 2);
  EXPECT_EQ(service_->GetSummary(Date{2030, 1, 1}).outgoing_places, 0);

  // Every change names the actor it was given, by id, with the request it came from.
  const auto changes = AuditOf("agreement");
  ASSERT_EQ(changes.size(), 2u);
  for (const auto& entry : changes) {
    EXPECT_EQ(entry.actor, "user:7");
    EXPECT_EQ(entry.client_address, "192.0.2.1");
    EXPECT_EQ(entry.request_id, "req-1");
  }
  service_->DeleteAgreement(audit::Actor::System(), agreement.id, agreement.version + 1);
  EXPECT_EQ(AuditOf("agreement").back().actor, "system");
}

INSTANTIATE_TEST_SUITE_P(Backends, PartnersServiceTest,
                         ::testing::ValuesIn(testing::TestBackends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return testing::BackendName(info.param);
                         });

}  // namespace
}  // namespace weltcampus::partners
