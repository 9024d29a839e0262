#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "interop/import_report.h"
#include "partners/model.h"
#include "partners/repository.h"
#include "store/sql.h"

namespace weltcampus::partners {

// All institutions of the register in memory, with the keys imports match rows by, so that an
// import of thousands of rows reads the table once instead of querying per row.
class InstitutionIndex {
 public:
  static InstitutionIndex Load(store::Connection& connection);

  std::optional<std::size_t> ByErasmusCode(const std::string& code) const;
  std::optional<std::size_t> ByPic(const std::string& pic) const;
  // By hei_id, or by the domain of the website where only one institution has it.
  std::optional<std::size_t> ByDomain(const std::string& domain) const;
  std::optional<std::size_t> ByNameAndCountry(std::string_view name,
                                              std::string_view country) const;
  // Whether some institution already names itself by this domain (hei_id or website).
  bool DomainKnown(const std::string& domain) const { return domains_.contains(domain); }
  // Whether an institution (or a new one, without index) may take the domain as its hei_id.
  bool DomainFreeFor(const std::string& domain, std::optional<std::size_t> index) const;

  partners::Institution& at(std::size_t index) { return institutions_[index]; }
  std::size_t size() const { return institutions_.size(); }

  // Registers an institution just inserted, or the new keys of one just updated.
  std::size_t Add(partners::Institution institution);
  void Reindex(std::size_t index);

  // Writes one imported row (a dry run only counts it): a new institution when nothing matched,
  // otherwise the match with the row merged in (`merge` answers whether anything changed). Counts
  // the outcome in the report and answers the index of the institution the row now belongs to.
  template <typename Merge>
  std::size_t Apply(store::Connection& connection, const interop::ImportControl& control, int line,
                    std::optional<std::size_t> match, partners::Institution fresh, Merge merge,
                    interop::ImportReport& report) {
    if (!match) {
      if (!control.dry_run) {
        partners::repository::InsertInstitution(connection, fresh);
      }
      ++report.added;
      report.changes.push_back({line, true, KeyOf(fresh), fresh.name});
      return Add(std::move(fresh));
    }
    auto institution = institutions_[*match];
    if (!merge(institution)) {
      ++report.unchanged;
      return *match;
    }
    if (!control.dry_run) {
      partners::repository::UpdateInstitution(connection, institution, institution.version);
    }
    report.changes.push_back({line, false, KeyOf(institution), institution.name});
    institutions_[*match] = std::move(institution);
    Reindex(*match);
    ++report.updated;
    return *match;
  }

 private:
  // What the report names an institution by: its Erasmus code, else its domain.
  static std::string KeyOf(const partners::Institution& institution) {
    return institution.erasmus_code.value_or(institution.hei_id.value_or(""));
  }

  using Keys = std::unordered_map<std::string, std::size_t>;
  static void Put(Keys& keys, const std::string& key, std::size_t index);
  static std::optional<std::size_t> Get(const Keys& keys, const std::string& key);

  std::vector<partners::Institution> institutions_;
  Keys erasmus_codes_;
  Keys pics_;
  Keys domains_;
  Keys names_;
};

}  // namespace weltcampus::partners
