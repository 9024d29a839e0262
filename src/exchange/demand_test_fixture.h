#pragma once

// The data of the demand's tests (demand_test.cpp) and of the retention of applications
// (application_retention_test.cpp), on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "exchange/calls.h"
#include "exchange/programmes.h"
#include "exchange/students.h"
#include "exchange_quota.h"
#include "organisation/model.h"
#include "organisation/org_units.h"
#include "store/temporary_database.h"

namespace weltcampus::exchange::demand_testing {

using store::Backend;
using store::Connection;

// A small unit with two places calls (2026, 2027) at one partner (and a second partnership), and
// applications whose preferences give known counts.
class DemandFixture : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store::testing::TemporaryDatabase>(GetParam(), true);
    const int64_t quota = Quota();
    db_->database().Write([&](Connection& c) {
      organisation::OrgUnit school;
      school.name = "School of Medicine";
      school.kind = organisation::OrgUnitKind::kSchool;
      organisation::OrgUnitTable().Insert(c, school);
      unit_ = school.id;
      organisation::OrgUnit other;
      other.name = "Law School";
      other.kind = organisation::OrgUnitKind::kSchool;
      organisation::OrgUnitTable().Insert(c, other);
      other_unit_ = other.id;
      Programme medicine;
      medicine.code = "MED";
      medicine.name = "Medicine";
      medicine.name_de = "Humanmedizin";
      medicine.org_unit_id = school.id;
      medicine.isced_code = "0912";
      medicine.eqf_level = 7;
      ProgrammeTable().Insert(c, medicine);
      for (int i = 0; i < 6; ++i) {
        Student student;
        student.matriculation_number = "47110" + std::to_string(i);
        student.family_name = "Student";
        student.given_name = std::to_string(i);
        student.email = "s" + std::to_string(i) + "@example.org";
        student.programme_id = medicine.id;
        student.study_semester = 4;
        StudentTable().Insert(c, student);
        students_.push_back(student.id);
      }
      call_ = AddCall(c, 2027, unit_);
      old_call_ = AddCall(c, 2026, unit_);
      other_call_ = AddCall(c, 2027, other_unit_);
      lyon_ = AddOffer(c, call_, quota, partnership_, "Lyon", 3, 1);  // 3 places, 1 extra
      lyon_summer_ = AddOffer(c, call_, quota, partnership_, "Lyon", 1, 0, OfferTerm::kSummer);
      oslo_ = AddOffer(c, call_, quota, partnership_ + 1000, "Oslo", 0, 0);
      old_lyon_ = AddOffer(c, old_call_, quota, partnership_, "Lyon", 1, 0);
      other_lyon_ = AddOffer(c, other_call_, quota, partnership_, "Lyon", 1, 0);
      // Counted: submitted and checked; not: draft, incomplete, withdrawn.
      Apply(c, call_, 0, "submitted", {lyon_, oslo_});
      Apply(c, call_, 1, "checked", {lyon_, lyon_summer_});
      Apply(c, call_, 2, "checked", {oslo_, lyon_});
      Apply(c, call_, 3, "checked", {lyon_summer_});
      Apply(c, call_, 4, "draft", {lyon_, oslo_});
      Apply(c, call_, 5, "withdrawn", {lyon_});
      Apply(c, old_call_, 0, "checked", {old_lyon_});
      Apply(c, old_call_, 1, "checked", {old_lyon_});
      Apply(c, old_call_, 2, "incomplete", {old_lyon_});
      Apply(c, other_call_, 0, "checked", {other_lyon_});
    });
  }

  int64_t Quota() {
    const auto added = test_support::AddOutgoingQuota(db_->database(), "Université de Lyon", "FR",
                                                      "Medicine", {10, 2025});
    partnership_ = added.partnership_id;
    return added.quota_id;
  }

  static int64_t AddCall(Connection& c, int year, int64_t unit) {
    Call call;
    call.academic_year = year;
    call.org_unit_id = unit;
    call.title = "Erasmus " + std::to_string(year);
    const std::string y = std::to_string(year);
    call.applications_open = y + "-01-15";
    call.applications_close = y + "-02-28";
    call.selection_by = y + "-03-15";
    call.publication_on = y + "-03-20";
    call.accept_by = y + "-03-31";
    call.nomination_by = y + "-04-10";
    CallTable().Insert(c, call);
    return call.id;
  }

  static int64_t AddOffer(Connection& c, int64_t call, int64_t quota, int64_t partnership,
                          const std::string& name, int64_t places, int64_t extra,
                          OfferTerm term = OfferTerm::kWinter) {
    Offer offer;
    offer.call_id = call;
    offer.quota_id = quota;
    offer.agreement_id = 1;
    offer.partnership_id = partnership;
    offer.partner_name = name;
    offer.term = term;
    offer.places = places;
    offer.extra_places = extra;
    offer.months_per_place = 5;
    OfferTable().Insert(c, offer);
    return offer.id;
  }

  void Apply(Connection& c, int64_t call, int student, const std::string& status,
             const std::vector<int64_t>& offers) {
    const int64_t id = c.Insert(
        "INSERT INTO applications (call_id, student_id, status, created_at, updated_at) VALUES "
        "(:call, :student, :status, '2027-01-20T10:00:00Z', '2027-01-20T10:00:00Z')",
        store::Params()
            .Set("call", call)
            .Set("student", students_.at(static_cast<size_t>(student)))
            .Set("status", status));
    applications_.push_back(id);
    for (size_t i = 0; i < offers.size(); ++i) {
      c.Exec(
          "INSERT INTO application_preferences (application_id, position, offer_id) VALUES "
          "(:application, :position, :offer)",
          store::Params()
              .Set("application", id)
              .Set("position", static_cast<int64_t>(i + 1))
              .Set("offer", offers[i]));
    }
  }

  std::unique_ptr<store::testing::TemporaryDatabase> db_;
  int64_t unit_ = 0, other_unit_ = 0, partnership_ = 0;
  int64_t call_ = 0, old_call_ = 0, other_call_ = 0;
  int64_t lyon_ = 0, lyon_summer_ = 0, oslo_ = 0, old_lyon_ = 0, other_lyon_ = 0;
  std::vector<int64_t> students_;
  std::vector<int64_t> applications_;  // in the order applied
};

}  // namespace weltcampus::exchange::demand_testing
