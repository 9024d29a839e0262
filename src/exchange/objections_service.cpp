#include <algorithm>
#include <map>

#include "audit/record_changes.h"
#include "auth/repository.h"
#include "auth/roles.h"
#include "core/digest.h"
#include "core/error.h"
#include "exchange/applications.h"
#include "exchange/objections.h"
#include "exchange/students.h"

// The rules of objections (exchange/objections.h; docs/allocation.md "Objections").
namespace weltcampus::exchange {

namespace {

// The audit entry keeps no free text: the student's words and the committee's answer are personal
// data that the erasure deletes, while the hash-chained log keeps its entries. Their length and
// digest show that a text was there and whether it changed (as application documents by digest).
nlohmann::json AuditJson(const Objection& o) {
  nlohmann::json json = {{"run_id", o.run_id},
                         {"application_id", o.application_id},
                         {"status", kObjectionStatusTable.Name(o.status)},
                         {"text_length", o.text.size()},
                         {"text_sha256", Sha256Hex(o.text)}};
  if (o.decision) {
    json["decision"] = kObjectionDecisionTable.Name(*o.decision);
    json["answer_length"] = o.answer.value_or("").size();
    json["answer_sha256"] = Sha256Hex(o.answer.value_or(""));
    json["answered_at"] = o.answered_at.value_or("");
  }
  return json;
}

// One audit entry about the student's account (in their data export's entries about them).
void Audit(store::Connection& c, const audit::Actor& actor, const Objection* before,
           const Objection& after) {
  audit::AuditEntry entry;
  entry.action = before ? "update" : "create";
  entry.entity_type = "objection";
  entry.entity_id = std::to_string(after.id);
  entry.subject_user_id = after.student_user_id;
  entry.before = before ? AuditJson(*before) : nlohmann::json();
  entry.after = AuditJson(after);
  audit::RecordAudit(c, actor, std::move(entry));
}

bool Blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// The committee's management reads every objection; the office and administrators too
// (ScopeOf); a coordinator those of students within their scope, as the results.
ProgrammeScope ScopeOfReader(store::Connection& c, const auth::Principal& person) {
  if (person.HasRole(auth::Role::kManagement)) {
    return std::nullopt;
  }
  return ScopeOf(c, person);
}

// Who answered, by their name now: one look-up per person answering on the page, not per row.
void NameAnswerers(store::Connection& c, std::vector<Objection>& list) {
  std::map<int64_t, std::string> names;
  for (auto& objection : list) {
    if (!objection.answered_by) {
      continue;
    }
    auto [it, fresh] = names.try_emplace(*objection.answered_by);
    if (fresh) {
      const auto user = auth::repository::FindUser(c, it->first);
      it->second = user ? user->display_name : "User " + std::to_string(it->first);
    }
    objection.answered_by_name = it->second;
  }
}

}  // namespace

MyObjections MyObjectionsOf(store::Connection& c, const Call& call, const MyResult& mine,
                            Date today) {
  MyObjections state;
  const std::string published = mine.run.published_at.value_or("");
  const Date until = ObjectionUntil(published, call.objection_days);
  state.until = until.ToString();
  state.items = objections::OfApplication(c, mine.result.application_id, mine.run.id);
  const bool open = std::any_of(state.items.begin(), state.items.end(), [](const Objection& o) {
    return o.status == ObjectionStatus::kOpen;
  });
  state.can_object = !open && InObjectionPeriod(published, until, today);
  return state;
}

void ObjectionsService::Object(const audit::Actor& actor, int64_t call_id, Date today,
                               const std::string& text) {
  if (Blank(text)) {
    throw ValidationError("text", "Say what you object to");
  }
  database_.Write([&](store::Connection& c) {
    const auto student =
        actor.user_id ? FindStudentOfUser(c, *actor.user_id) : std::optional<Student>();
    if (!student) {
      throw NotFoundError("Student record");
    }
    const auto call = store::Found(FindCall(c, call_id), "Call");
    const auto application = applications::FindOfStudent(c, call_id, student->id);
    if (!application) {
      throw NotFoundError("Application");
    }
    const auto mine = MyResultOf(c, application->id, today);
    if (!mine) {
      throw ValidationError("result", "No result of yours has been published in this call");
    }
    const auto state = MyObjectionsOf(c, call, *mine, today);
    for (const auto& earlier : state.items) {
      if (earlier.status == ObjectionStatus::kOpen) {
        throw ApiError(ErrorCode::kConflict, "Your objection of " +
                                                 earlier.created_at.substr(0, 10) +
                                                 " is still open; the committee answers it first");
      }
    }
    if (!state.can_object) {
      throw ValidationError("objection_until",
                            "The last day to object to this result was " + state.until);
    }
    Objection objection;
    objection.run_id = mine->run.id;
    objection.application_id = application->id;
    objection.text = text;
    objection.created_at = NowUtcTimestamp();
    const int64_t id = objections::Insert(c, objection);
    const auto created = store::Found(objections::Find(c, id), "Objection");
    Audit(c, actor, nullptr, created);
  });
}

store::Page<Objection> ObjectionsService::List(const auth::Principal& person,
                                               objections::ListFilter filter,
                                               const PageRequest& page) {
  return database_.Read([&](store::Connection& c) {
    store::Found(runs::Find(c, filter.run_id), "Allocation run");
    filter.programmes = ScopeOfReader(c, person);
    auto list = objections::List(c, filter, page);
    NameAnswerers(c, list.items);
    return list;
  });
}

Objection ObjectionsService::Answer(const audit::Actor& actor, const auth::Principal& person,
                                    int64_t id, int64_t expected_version,
                                    ObjectionDecision decision, const std::string& answer) {
  return database_.Write([&](store::Connection& c) {
    auto current = objections::Find(c, id);
    if (current && !InScope(ScopeOfReader(c, person), current->programme_id)) {
      current.reset();  // another scope's objection is missing to a coordinator
    }
    const auto before = audit::LoadForChangeNamed(c, "objection", id, std::move(current),
                                                  expected_version, "Objection");
    if (before.status == ObjectionStatus::kAnswered) {
      throw ApiError(ErrorCode::kConflict, "This objection was answered on " +
                                               before.answered_at.value_or("") +
                                               "; an answer cannot be changed");
    }
    if (Blank(answer)) {
      throw ValidationError("answer", "Give the committee's reasons");
    }
    auto after = before;
    after.status = ObjectionStatus::kAnswered;
    after.decision = decision;
    after.answer = answer;
    after.answered_by = actor.user_id;
    after.answered_at = NowUtcTimestamp();
    objections::Answer(c, after);
    auto read = store::Found(objections::Find(c, id), "Objection");
    Audit(c, actor, &before, read);
    std::vector<Objection> one{std::move(read)};
    NameAnswerers(c, one);
    return std::move(one.front());
  });
}

}  // namespace weltcampus::exchange
