#pragma once

#include <array>

#include "http/list_export.h"

// The columns of a run's results as CSV or Excel (GET /api/v1/allocation-runs/{id}/results
// ?format=csv|xlsx): the same rows as the list, a coordinator's within their scope.
namespace weltcampus::exchange {

inline constexpr std::array<http::ExportField, 10> kRunResultExport = {{
    {"/application_id", "Application ID", "Bewerbungs-ID", interop::CellKind::kInteger},
    {"/student/matriculation_number", "Matriculation number", "Matrikelnummer"},
    {"/student/family_name", "Family name", "Nachname"},
    {"/student/given_name", "Given name", "Vorname"},
    {"/score", "Score", "Punktzahl", interop::CellKind::kNumber},
    {"/offer/partner_name", "Place at", "Platz bei"},
    {"/offer/term", "Term", "Zeitraum"},
    {"/preference_rank", "Preference", "Präferenz", interop::CellKind::kInteger},
    {"/response", "Answer", "Antwort"},
    {"/offer/id", "Offer ID", "Angebots-ID", interop::CellKind::kInteger},
}};

// The call's runs (GET /api/v1/calls/{id}/allocation-runs?format=csv|xlsx), newest first.
inline constexpr std::array<http::ExportField, 14> kRunExport = {{
    {"/id", "Run ID", "Lauf-ID", interop::CellKind::kInteger},
    {"/round", "Round", "Runde", interop::CellKind::kInteger},
    {"/status", "Status", "Status"},
    {"/applicants", "Applicants", "Bewerbungen", interop::CellKind::kInteger},
    {"/placed", "Placed", "Vergeben", interop::CellKind::kInteger},
    {"/offers", "Offers", "Angebote", interop::CellKind::kInteger},
    {"/places", "Places", "Plätze", interop::CellKind::kInteger},
    {"/seed", "Seed", "Startwert"},
    {"/created_by", "Run by", "Gestartet von"},
    {"/created_at", "Run at", "Gestartet am"},
    {"/signed_off_by", "Signed off by", "Freigegeben von"},
    {"/signed_off_at", "Signed off at", "Freigegeben am"},
    {"/published_at", "Published at", "Veröffentlicht am"},
    {"/accept_by", "Answer by", "Antwort bis", interop::CellKind::kDate},
}};

// Where one more place would help most (GET /api/v1/allocation-runs/{id}/one-more-place
// ?format=csv|xlsx): a row per offer, with how many students it would move.
inline constexpr std::array<http::ExportField, 6> kOneMorePlaceExport = {{
    {"/offer_id", "Offer ID", "Angebots-ID", interop::CellKind::kInteger},
    {"/partner_name", "Partner", "Partner"},
    {"/term", "Term", "Zeitraum"},
    {"/newly_placed", "Newly placed", "Neu vergeben", interop::CellKind::kInteger},
    {"/improved", "Improved", "Verbessert", interop::CellKind::kInteger},
    {"/moves", "Students who move", "Wechselnde Studierende", interop::CellKind::kInteger},
}};

}  // namespace weltcampus::exchange
