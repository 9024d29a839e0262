// The exchange's people and records the IDOR rows of the exchange share (idor_rows_exchange.cpp),
// made once per run.
#pragma once

#include <string>

#include "accounts.h"
#include "idor_table.h"

namespace weltcampus::api_test::idor {

// The exchange's people and records, made once per run: two organisational units X and Y (side
// by side under the school), a programme in each, a student in each (an account with a student
// record), a coordinator of each unit, an open call in which both students have applied
// (preferences, a motivation letter, submitted), and a closed call whose allocation run is
// published with a place for each student, to which the student of X has objected.
struct ExchangeWorld {
  bool made = false;
  Account student_x, student_y, coordinator_x, coordinator_y;
  long long record_x = 0, record_y = 0;  // student records
  std::string family_x, family_y;
  std::string letter_x, letter_y;
  std::string open_call, closed_call;
  long long application_x = 0, application_y = 0;  // in the open call
  long long placed_x = 0, placed_y = 0;            // their applications in the closed call
  long long run = 0;
  std::string objection_text_x, objection_text_y;
  long long objection_x = 0;
};

const ExchangeWorld& World();
// The holders of a row whose people are the world's students (X: A, Y: B).
void Students(const ExchangeWorld& world, Holder* a, Holder* b);
// The world's coordinators (X: A, Y: B), with the students of their units as markers.
void Coordinators(const ExchangeWorld& world, Holder* a, Holder* b);
// The student's objection with this text in the closed call (made when there is none): its id.
void Objection(const ExchangeWorld& world, const Account& student, const std::string& text,
               long long* id);

}  // namespace weltcampus::api_test::idor
