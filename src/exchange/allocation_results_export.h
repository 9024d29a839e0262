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

}  // namespace weltcampus::exchange
