#pragma once

#include <array>

#include "http/list_export.h"

namespace weltcampus::partners {

// The columns of each list's CSV and XLSX export (which fields, in which order, named in English and
// German).
inline constexpr std::array<http::ExportField, 15> kInstitutionExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/name", "Name", "Name"},
    {"/name_local", "Local name", "Name in Landessprache"},
    {"/country", "Country", "Land"},
    {"/city", "City", "Ort"},
    {"/type", "Type", "Art"},
    {"/erasmus_code", "Erasmus code", "Erasmus-Code"},
    {"/pic", "PIC", "PIC"},
    {"/oid", "OID", "OID"},
    {"/ror_id", "ROR ID", "ROR-ID"},
    {"/hei_id", "EWP HEI ID", "EWP-HEI-ID"},
    {"/website", "Website", "Website"},
    {"/latitude", "Latitude", "Breitengrad", interop::CellKind::kNumber},
    {"/longitude", "Longitude", "Längengrad", interop::CellKind::kNumber},
    {"/source", "Source", "Quelle"},
}};

inline constexpr std::array<http::ExportField, 10> kPartnershipExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/institution/name", "Partner", "Partner"},
    {"/institution/country", "Country", "Land"},
    {"/institution/city", "City", "Ort"},
    {"/institution/erasmus_code", "Erasmus code", "Erasmus-Code"},
    {"/tier", "Tier", "Stufe"},
    {"/since", "Partner since", "Partner seit", interop::CellKind::kDate},
    {"/responsible_person", "Responsible", "Verantwortlich"},
    {"/active_agreements", "Active agreements", "Aktive Vereinbarungen", interop::CellKind::kInteger},
    {"/places_per_year", "Places this year", "Plätze in diesem Jahr", interop::CellKind::kInteger},
}};

inline constexpr std::array<http::ExportField, 9> kAgreementExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/institution_name", "Partner", "Partner"},
    {"/institution_country", "Country", "Land"},
    {"/title", "Title", "Titel"},
    {"/type", "Type", "Art"},
    {"/status", "Status", "Status"},
    {"/first_academic_year", "First academic year", "Erstes Studienjahr"},
    {"/last_academic_year", "Last academic year", "Letztes Studienjahr"},
    {"/ends_on", "Ends on", "Endet am", interop::CellKind::kDate},
}};

inline constexpr std::array<http::ExportField, 7> kMapExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/name", "Partner", "Partner"},
    {"/country", "Country", "Land"},
    {"/city", "City", "Ort"},
    {"/tier", "Tier", "Stufe"},
    {"/latitude", "Latitude", "Breitengrad", interop::CellKind::kNumber},
    {"/longitude", "Longitude", "Längengrad", interop::CellKind::kNumber},
}};

inline constexpr std::array<http::ExportField, 6> kJointStructureExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/partnership_id", "Partnership ID", "Partnerschaft-ID", interop::CellKind::kInteger},
    {"/kind", "Kind", "Art"},
    {"/name", "Name", "Name"},
    {"/description", "Description", "Beschreibung"},
    {"/since", "Since", "Seit", interop::CellKind::kDate},
}};

inline constexpr std::array<http::ExportField, 8> kPartnerContactExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/partnership_id", "Partnership ID", "Partnerschaft-ID", interop::CellKind::kInteger},
    {"/role", "Role", "Rolle"},
    {"/name", "Name", "Name"},
    {"/unit", "Unit", "Einrichtung"},
    {"/email", "E-mail", "E-Mail"},
    {"/phone", "Telephone", "Telefon"},
    {"/address", "Postal address", "Postanschrift"},
}};

inline constexpr std::array<http::ExportField, 6> kPartnerNoteExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/partnership_id", "Partnership ID", "Partnerschaft-ID", interop::CellKind::kInteger},
    {"/agreement_id", "Agreement ID", "Vereinbarungs-ID", interop::CellKind::kInteger},
    {"/noted_on", "Date", "Datum", interop::CellKind::kDate},
    {"/kind", "Kind", "Art"},
    {"/text", "Note", "Notiz"},
}};

inline constexpr std::array<http::ExportField, 7> kAgreementDocumentExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/agreement_id", "Agreement ID", "Vereinbarungs-ID", interop::CellKind::kInteger},
    {"/title", "Title", "Titel"},
    {"/kind", "Kind", "Art"},
    {"/file_count", "Versions", "Fassungen", interop::CellKind::kInteger},
    {"/latest_file_name", "Newest file", "Neueste Datei"},
    {"/latest_uploaded_at", "Uploaded", "Hochgeladen"},
}};

}  // namespace weltcampus::partners
