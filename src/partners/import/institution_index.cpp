#include "partners/import/institution_index.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include "partners/import/web_address.h"
#include "partners/repository.h"

namespace weltcampus::partners {

namespace {

// A key that more than one institution has: it identifies none of them.
constexpr std::size_t kAmbiguous = std::numeric_limits<std::size_t>::max();

std::string NameKey(std::string_view name, std::string_view country) {
  std::string key(country);
  key += '|';
  for (const unsigned char c : name) {
    key += static_cast<char>(std::tolower(c));
  }
  return key;
}

}  // namespace

InstitutionIndex InstitutionIndex::Load(store::Connection& connection) {
  InstitutionIndex index;
  for (auto& institution : partners::repository::ListAllInstitutions(connection)) {
    index.Add(std::move(institution));
  }
  return index;
}

std::size_t InstitutionIndex::Add(partners::Institution institution) {
  institutions_.push_back(std::move(institution));
  const std::size_t index = institutions_.size() - 1;
  Reindex(index);
  return index;
}

void InstitutionIndex::Reindex(std::size_t index) {
  const auto& institution = institutions_[index];
  if (institution.erasmus_code) {
    Put(erasmus_codes_, *institution.erasmus_code, index);
  }
  if (institution.pic) {
    Put(pics_, *institution.pic, index);
  }
  if (institution.hei_id) {
    Put(domains_, *institution.hei_id, index);
  }
  if (institution.website) {
    if (auto domain = WebDomain(*institution.website); domain && domain != institution.hei_id) {
      Put(domains_, *domain, index);
    }
  }
  Put(names_, NameKey(institution.name, institution.country), index);
  if (institution.name_local) {
    Put(names_, NameKey(*institution.name_local, institution.country), index);
  }
}

void InstitutionIndex::Put(Keys& keys, const std::string& key, std::size_t index) {
  auto [it, inserted] = keys.emplace(key, index);
  if (!inserted && it->second != index) {
    it->second = kAmbiguous;
  }
}

std::optional<std::size_t> InstitutionIndex::Get(const Keys& keys, const std::string& key) {
  const auto it = keys.find(key);
  if (it == keys.end() || it->second == kAmbiguous) {
    return std::nullopt;
  }
  return it->second;
}

bool InstitutionIndex::DomainFreeFor(const std::string& domain,
                                     std::optional<std::size_t> index) const {
  const auto it = domains_.find(domain);
  return it == domains_.end() || (index.has_value() && it->second == index.value());
}

std::optional<std::size_t> InstitutionIndex::ByErasmusCode(const std::string& code) const {
  return Get(erasmus_codes_, code);
}

std::optional<std::size_t> InstitutionIndex::ByPic(const std::string& pic) const {
  return Get(pics_, pic);
}

std::optional<std::size_t> InstitutionIndex::ByDomain(const std::string& domain) const {
  return Get(domains_, domain);
}

std::optional<std::size_t> InstitutionIndex::ByNameAndCountry(std::string_view name,
                                                              std::string_view country) const {
  return Get(names_, NameKey(name, country));
}

}  // namespace weltcampus::partners
