#include "exchange/what_if.h"

#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include "core/error.h"
#include "exchange/allocation_runs.h"
#include "store/list_query.h"

namespace weltcampus::exchange {

namespace {

struct RunBase {
  CallInstance call;
  Allocation allocation;
};

// The run's instance and its allocation, solved again (the same instance and seed give the same
// result as the stored one).
RunBase LoadRunBase(store::Database& database, int64_t run_id) {
  RunBase base{database.Read([&](store::Connection& c) { return RunInstance(c, run_id); }), {}};
  base.allocation = Allocate(base.call.instance);
  return base;
}

std::optional<int64_t> OfferIdAt(const CallInstance& call, int32_t offer) {
  if (offer < 0) {
    return std::nullopt;
  }
  return call.offer_ids.at(static_cast<size_t>(offer));
}

// The students of these applications, in one statement.
std::map<int64_t, StudentNamed> StudentsOf(store::Connection& c, const std::set<int64_t>& ids) {
  std::map<int64_t, StudentNamed> named;
  if (ids.empty()) {
    return named;
  }
  store::Params params;
  const std::string in = store::InList(std::vector<int64_t>(ids.begin(), ids.end()), params);
  for (const auto& row : c.Query(
           "SELECT a.id, s.matriculation_number, s.family_name, s.given_name FROM applications a "
           "JOIN students s ON s.id = a.student_id WHERE a.id IN (" +
               in + ")",
           params)) {
    named[row.Int("id")] = {row.Text("matriculation_number"), row.Text("family_name"),
                            row.Text("given_name")};
  }
  return named;
}

std::vector<RunMove> MovesById(const CallInstance& call, const std::vector<Move>& moves) {
  std::vector<RunMove> out;
  out.reserve(moves.size());
  for (const auto& move : moves) {
    out.push_back({call.application_ids.at(move.applicant),
                   {},
                   OfferIdAt(call, move.from),
                   OfferIdAt(call, move.to)});
  }
  return out;
}

void NameStudents(store::Database& database, std::vector<std::vector<RunMove>*> lists) {
  std::set<int64_t> ids;
  for (const auto* list : lists) {
    for (const auto& move : *list) {
      ids.insert(move.application_id);
    }
  }
  const auto named = database.Read([&](store::Connection& c) { return StudentsOf(c, ids); });
  for (auto* list : lists) {
    for (auto& move : *list) {
      if (const auto found = named.find(move.application_id); found != named.end()) {
        move.student = found->second;
      }
    }
  }
}

}  // namespace

PartnerWhatIf MorePlacesAtPartner(const AllocationInstance& instance,
                                  const std::vector<uint32_t>& offers, int32_t places) {
  if (offers.empty()) {
    throw std::invalid_argument("what-if: no offers of the partner");
  }
  PartnerWhatIf out{instance, {}};
  const auto partner = static_cast<int32_t>(out.instance.partners.size());
  int32_t capacity = 0;
  for (const uint32_t o : offers) {
    auto& offer = out.instance.offers.at(o);
    if (offer.partner >= 0) {
      throw std::invalid_argument("what-if: the offer already has a partner cap");
    }
    capacity += offer.capacity;
    offer.capacity += places;
    offer.partner = partner;
  }
  out.instance.partners.push_back({capacity});
  out.extra.partner = partner;
  out.extra.places = places;
  return out;
}

RunWhatIf WhatIfOnRun(store::Database& database, int64_t run_id, const WhatIfRequest& request) {
  if (request.offer_id.has_value() == request.partnership_id.has_value()) {
    throw ValidationError("offer_id", "Give either offer_id or partnership_id");
  }
  if (request.places < 1 || request.places > kMaxWhatIfPlaces) {
    throw ValidationError("places", "Must be 1 to " + std::to_string(kMaxWhatIfPlaces));
  }
  const auto base = LoadRunBase(database, run_id);
  const auto& ids = base.call.offer_ids;
  const auto places = static_cast<int32_t>(request.places);
  WhatIfResult effect;
  if (request.offer_id) {
    int32_t offer = -1;
    for (size_t o = 0; o < ids.size(); ++o) {
      offer = ids[o] == *request.offer_id ? static_cast<int32_t>(o) : offer;
    }
    if (offer < 0) {
      throw ValidationError("offer_id", "Not an offer of this run");
    }
    effect = WhatIf(base.call.instance, base.allocation, {offer, -1, places});
  } else {
    std::vector<uint32_t> offers;
    database.Read([&](store::Connection& c) {
      std::set<int64_t> of_partner;
      if (!ids.empty()) {
        store::Params params;
        params.Set("partnership", *request.partnership_id);
        const std::string in = store::InList(ids, params);
        for (const auto& row :
             c.Query("SELECT id FROM call_offers WHERE partnership_id = :partnership AND id IN (" +
                         in + ")",
                     params)) {
          of_partner.insert(row.Int("id"));
        }
      }
      for (size_t o = 0; o < ids.size(); ++o) {
        if (of_partner.contains(ids[o])) {
          offers.push_back(static_cast<uint32_t>(o));
        }
      }
    });
    if (offers.empty()) {
      throw ValidationError("partnership_id", "No offer of this run is with this partnership");
    }
    const auto changed = MorePlacesAtPartner(base.call.instance, offers, places);
    effect = WhatIf(changed.instance, base.allocation, changed.extra);
  }
  RunWhatIf out{run_id, effect.newly_placed, effect.improved, effect.worse,
                MovesById(base.call, effect.moves)};
  NameStudents(database, {&out.moves});
  return out;
}

std::vector<RunOneMorePlace> OneMorePlaceOnRun(store::Database& database, int64_t run_id,
                                               size_t limit) {
  const auto base = LoadRunBase(database, run_id);
  const auto ranked = RankOneMorePlace(base.call.instance, base.allocation, limit);
  std::vector<RunOneMorePlace> items;
  std::vector<std::vector<RunMove>*> lists;
  items.reserve(ranked.size());
  for (const auto& entry : ranked) {
    items.push_back({base.call.offer_ids.at(entry.offer), "", OfferTerm::kWinter,
                     entry.effect.newly_placed, entry.effect.improved,
                     MovesById(base.call, entry.effect.moves)});
  }
  for (auto& item : items) {
    lists.push_back(&item.moves);
  }
  NameStudents(database, lists);
  if (!items.empty()) {  // the offers' partner and term, in one statement
    std::vector<int64_t> ids;
    for (const auto& item : items) {
      ids.push_back(item.offer_id);
    }
    database.Read([&](store::Connection& c) {
      store::Params params;
      const std::string in = store::InList(ids, params);
      std::map<int64_t, std::pair<std::string, OfferTerm>> offers;
      for (const auto& row : c.Query(
               "SELECT id, partner_name, term FROM call_offers WHERE id IN (" + in + ")", params)) {
        offers[row.Int("id")] = {row.Text("partner_name"),
                                 kOfferTermTable.FromStored(row.Text("term"))};
      }
      for (auto& item : items) {
        if (const auto found = offers.find(item.offer_id); found != offers.end()) {
          std::tie(item.partner_name, item.term) = found->second;
        }
      }
    });
  }
  return items;
}

}  // namespace weltcampus::exchange
