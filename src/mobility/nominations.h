#pragma once

#include <optional>
#include <string_view>

#include "exchange/place_hooks.h"
#include "mobility/model.h"
#include "store/sql.h"

// A student who accepts a place is nominated (issue 11, item 1; docs/mobility.md "Nomination from
// an accepted place").
namespace weltcampus::mobility {

// The EU's member states and the third countries associated to the programme (Erasmus+
// Programme Guide 2025): their institutions take part in KA131; the rest of the world in KA171.
bool IsErasmusProgrammeCountry(std::string_view country);
// The Erasmus+ line of a stay of this category with a partner in this country: KA131 (studies,
// traineeship or staff) inside the programme's countries, KA171 outside.
FundingLine ErasmusLineOf(std::string_view country, QuotaCategory category);

// The mobility the accepted place nominates, not yet written: the offer's partnership, agreement,
// quota, category, field and semester, or the planned stay of a funding call; the funding line
// the agreement implies. None for a place with neither.
std::optional<Mobility> NominationOf(store::Connection& c, const exchange::AcceptedPlace& place);

// Declares the hook that writes the nomination in the transaction of the student's answer.
void RegisterNominations();

}  // namespace weltcampus::mobility
