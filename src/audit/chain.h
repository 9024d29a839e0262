#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// The audit log's chain, keyed and anchored outside the database (issue 13, defect 8).
//
// Every entry's hash is an HMAC-SHA256, under a secret key that is never in the database, over the
// entry's fields exactly as they are stored (the JSON texts byte for byte, not re-serialised) and
// the hash of the entry before it. Whoever can write the database but does not hold the key cannot
// recompute the chain after editing, inserting or deleting an entry. The newest entries could still
// be cut off together with the head the database keeps; so the head is also written, at start, once
// a day and at a stop, to an append-only file outside the database (and optionally to syslog), and
// `audit verify` checks the log against every line of that file.
namespace weltcampus::audit {

inline constexpr std::size_t kChainKeyBytes = 32;
// The previous hash of the first entry, and the setting that keeps the newest entry's hash.
inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";
inline constexpr const char* kHeadSetting = "audit.head";

// The key and the anchors of this process, set once at start (cli), before any entry is written.
struct ChainSettings {
  std::string key;  // kChainKeyBytes raw bytes
  std::optional<std::filesystem::path> anchor_file;
  bool syslog = false;
};
void ConfigureChain(ChainSettings settings);
bool ChainConfigured();
// Throws std::logic_error when no key was configured: an entry is never written unkeyed.
const ChainSettings& Chain();

// The key as 64 hexadecimal digits (WELTCAMPUS_AUDIT_KEY, or the content of a key file); throws
// std::invalid_argument naming what is wrong.
std::string KeyFromHex(const std::string& text);
// Reads the key file; when it does not exist, creates it (mode 0600, a new random key, atomically:
// two processes starting at once read the same key). Throws std::runtime_error when the file
// cannot be read or written or does not hold a key.
std::string LoadOrCreateKeyFile(const std::filesystem::path& path);

// An entry as stored: every field as text, null kept apart from the empty text.
struct StoredEntry {
  std::string at;
  std::optional<std::string> actor_user_id;
  std::string actor;
  std::string action;
  std::optional<std::string> entity_type;
  std::optional<std::string> entity_id;
  std::optional<std::string> subject_user_id;
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
  std::string client_address;
  std::string request_id;
  std::string previous_hash;
};
// A stored integer as the text the hash covers (null stays null).
std::optional<std::string> NumberText(const std::optional<int64_t>& value);
// HMAC-SHA256 under the configured key, as 64 hexadecimal digits.
std::string ChainHash(const StoredEntry& entry);
// The hash before the chain was keyed (SHA-256 over the fields with the JSON texts re-serialised):
// used once, to check an older log before it is keyed (UpgradeChain).
std::string UnkeyedHash(const StoredEntry& entry);

// One line of the anchor file: "<UTC time> <entry id> <hash>".
struct Anchor {
  std::string at;
  int64_t id = 0;
  std::string hash;
};
struct AnchorFile {
  std::vector<Anchor> anchors;
  std::string problem;  // a line that cannot be read, or the file not readable
};
// The anchors of the configured file (none when no file is configured or it does not exist yet).
AnchorFile ReadAnchors();
// Appends the head (entry id and hash) to the anchor file when it differs from the file's last
// line, and logs it to syslog when asked for. Does nothing without an anchor file and syslog.
void WriteAnchor(int64_t id, const std::string& hash);

}  // namespace weltcampus::audit
