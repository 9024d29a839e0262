#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "partners/model.h"
#include "partners/repository.h"
#include "partners/service.h"

namespace weltcampus::partners {

// The world map's answer for one filter as it is sent: the compact JSON, the same gzipped, and its
// entity tag.
struct PartnerMapAnswer {
  int64_t version = 0;  // the map version it was read at
  std::string etag;
  std::string json;
  std::string gzip;
};

// A filter as a key: its values in a fixed order.
std::string MapFilterKey(const PartnershipFilter& filter);

// W/"map1-<version>-<hash>", the hash of the database's id and the filter's key: it changes with
// the map version and differs between filters and between databases. Weak, since the gzipped and
// the plain answer share it (RFC 9110 8.8.1).
std::string MapEntityTag(const repository::MapVersion& version, std::string_view filter_key);

// The map's answers in memory, per filter, until the map version moves on; so a repeated request
// costs one small read of the version (repository::ReadMapVersion), not a query over every
// partner. The version lives in the database, so a change made through any server is seen by all.
// Requests for a filter whose answer is being loaded wait for that load rather than start another.
// Holds the answers of at most `max_entries` filters and about `max_bytes`, dropping the least
// recently used first. Safe to call from the worker threads at once.
class PartnerMapCache {
 public:
  using Load = std::function<VersionedMap(const PartnershipFilter&)>;

  explicit PartnerMapCache(Load load, std::size_t max_entries = 16,
                           std::size_t max_bytes = std::size_t{64} << 20);

  // The filter's answer at least as new as `version` (the map version the caller read).
  std::shared_ptr<const PartnerMapAnswer> Get(const PartnershipFilter& filter, int64_t version);

  // How many times an answer was loaded from the database (for tests).
  int64_t loads() const;

 private:
  using Answer = std::shared_ptr<const PartnerMapAnswer>;
  struct Slot {
    Answer answer;
    std::shared_future<Answer> loading;  // valid while one request loads this filter's answer
    uint64_t used = 0;
  };

  Answer Build(const PartnershipFilter& filter, const std::string& key);
  void Evict(const std::string& keep);

  Load load_;
  std::size_t max_entries_;
  std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::map<std::string, Slot> slots_;
  uint64_t clock_ = 0;
  int64_t loads_ = 0;
};

}  // namespace weltcampus::partners
