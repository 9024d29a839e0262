#pragma once

// A student's applications as personal data of their account (auth/personal_data.h, key
// "applications"): the data export lists each with its call, preferences, documents' facts,
// status, scores, and its published result with the student's answer; the erasure of the account
// takes the office's notes and a planned stay's host and city out of them (the documents go with
// the student record's part, the
// application stays for the call's anonymous counts and its run, like the pseudonymised student).
// Registered before the student record's part, which unlinks the student from the account.
namespace weltcampus::exchange {

void RegisterApplicationPersonalData();

}  // namespace weltcampus::exchange
