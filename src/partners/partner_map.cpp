#include "partners/partner_map.h"

#include <fmt/format.h>

#include <optional>
#include <utility>
#include <vector>

#include "http/static_files.h"
#include "partners/json.h"

namespace weltcampus::partners {

namespace {

// Changes when the answer's shape does, so that no client keeps a body of an older shape.
constexpr std::string_view kMapFormat = "map1";

// gzip level 6: a quarter of the time of level 9 for nearly the same size; paid once a version.
constexpr int kGzipLevel = 6;

void AppendField(std::string& key, std::string_view name,
                 const std::optional<std::string_view>& value) {
  key += name;
  if (value) {
    // Length first: a search text may hold any character, separators included.
    key += fmt::format("={}:", value->size());
    key += *value;
  } else {
    key += '-';
  }
  key += ';';
}

template <typename Table, typename Value>
std::optional<std::string_view> NameOf(const Table& table, const std::optional<Value>& value) {
  return value ? std::optional<std::string_view>(table.Name(*value)) : std::nullopt;
}

// FNV-1a, 64 bits: a short, stable digest for an entity tag (not a security measure: the tag only
// tells versions apart, and the client learns nothing from it it could not ask for).
uint64_t Fnv1a(std::string_view text, uint64_t hash = 14695981039346656037ULL) {
  for (const unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

}  // namespace

std::string MapFilterKey(const PartnershipFilter& filter) {
  std::string key;
  AppendField(key, "q", filter.q ? std::optional<std::string_view>(*filter.q) : std::nullopt);
  AppendField(key, "country",
              filter.country ? std::optional<std::string_view>(*filter.country) : std::nullopt);
  AppendField(key, "tier", NameOf(kTierTable, filter.tier));
  AppendField(key, "agreement_type", NameOf(kAgreementTypeTable, filter.agreement_type));
  AppendField(key, "agreement_status", NameOf(kAgreementStatusTable, filter.agreement_status));
  return key;
}

std::string MapEntityTag(const repository::MapVersion& version, std::string_view filter_key) {
  uint64_t hash = Fnv1a(kMapFormat);
  hash = Fnv1a(version.database_id, Fnv1a("\n", hash));
  hash = Fnv1a(filter_key, Fnv1a("\n", hash));
  return fmt::format("W/\"{}-{}-{:016x}\"", kMapFormat, version.version, hash);
}

PartnerMapCache::PartnerMapCache(Load load, std::size_t max_entries, std::size_t max_bytes)
    : load_(std::move(load)), max_entries_(max_entries), max_bytes_(max_bytes) {}

int64_t PartnerMapCache::loads() const {
  std::lock_guard lock(mutex_);
  return loads_;
}

PartnerMapCache::Answer PartnerMapCache::Build(const PartnershipFilter& filter,
                                               const std::string& key) {
  // The version is read before the partners (PartnersService::LoadMap): the answer is at least as
  // new as its version says, so a later change always moves the version past it.
  VersionedMap map = load_(filter);
  auto answer = std::make_shared<PartnerMapAnswer>();
  answer->version = map.version.version;
  answer->etag = MapEntityTag(map.version, key);
  answer->json = PartnerMapJson(map.points).dump();
  answer->gzip = http::Gzip(answer->json, kGzipLevel);
  return answer;
}

std::shared_ptr<const PartnerMapAnswer> PartnerMapCache::Get(const PartnershipFilter& filter,
                                                             int64_t version) {
  const std::string key = MapFilterKey(filter);
  std::unique_lock lock(mutex_);
  for (;;) {
    Slot& slot = slots_[key];
    if (slot.answer && slot.answer->version >= version) {
      slot.used = ++clock_;
      return slot.answer;
    }
    if (slot.loading.valid()) {
      auto loading = slot.loading;
      lock.unlock();
      Answer answer = loading.get();  // rethrows the loader's failure
      if (answer->version >= version) {
        return answer;
      }
      lock.lock();
      continue;  // loaded from before the change this caller saw: load again
    }
    std::promise<Answer> promise;
    slot.loading = promise.get_future().share();
    ++loads_;
    lock.unlock();
    Answer answer;
    try {
      answer = Build(filter, key);
    } catch (...) {
      promise.set_exception(std::current_exception());
      lock.lock();
      Slot& failed = slots_[key];
      failed.loading = {};
      if (!failed.answer) {
        slots_.erase(key);
      }
      throw;
    }
    lock.lock();
    Slot& loaded = slots_[key];
    loaded.loading = {};
    if (!loaded.answer || loaded.answer->version <= answer->version) {
      loaded.answer = answer;
    }
    loaded.used = ++clock_;
    Evict(key);
    lock.unlock();
    // After the slot holds it: a waiter that needs a newer answer then finds no load under way.
    promise.set_value(answer);
    return answer;
  }
}

void PartnerMapCache::Evict(const std::string& keep) {
  for (;;) {
    std::size_t bytes = 0;
    auto oldest = slots_.end();
    for (auto it = slots_.begin(); it != slots_.end(); ++it) {
      if (it->second.answer) {
        bytes += it->second.answer->json.size() + it->second.answer->gzip.size();
      }
      if (it->first != keep && !it->second.loading.valid() &&
          (oldest == slots_.end() || it->second.used < oldest->second.used)) {
        oldest = it;
      }
    }
    if ((slots_.size() <= max_entries_ && bytes <= max_bytes_) || oldest == slots_.end()) {
      return;
    }
    slots_.erase(oldest);
  }
}

}  // namespace weltcampus::partners
