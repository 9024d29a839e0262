#include "audit/chain.h"

#include <fcntl.h>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

#include <cctype>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "core/date.h"
#include "core/digest.h"

namespace weltcampus::audit {

namespace {

std::optional<ChainSettings> g_settings;
std::mutex g_anchor_mutex;

void Sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) {
    throw std::runtime_error("libsodium could not be initialised");
  }
}

// Every field in a fixed order; a present value as "=" and its bytes, an absent one as "-", each
// ended by a character that JSON text escapes (so no field can run into the next).
std::string KeyedInput(const StoredEntry& e) {
  std::string text = "weltcampus-audit-v2\x1f";
  auto add = [&text](const std::optional<std::string>& part) {
    if (part) {
      text += '=';
      text += *part;
    } else {
      text += '-';
    }
    text += '\x1f';
  };
  add(e.previous_hash);
  add(e.at);
  add(e.actor_user_id);
  add(e.actor);
  add(e.action);
  add(e.entity_type);
  add(e.entity_id);
  add(e.subject_user_id);
  add(e.before_json);
  add(e.after_json);
  add(e.client_address);
  add(e.request_id);
  return text;
}

std::string Trimmed(const std::string& text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) {
    ++begin;
  }
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) {
    --end;
  }
  return text.substr(begin, end - begin);
}

std::string ToHex(const std::string& bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  hex.pop_back();
  return hex;
}

bool IsHexHash(const std::string& text) {
  if (text.size() != 64) {
    return false;
  }
  for (const char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c)) ||
        std::isupper(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

}  // namespace

void ConfigureChain(ChainSettings settings) {
  if (settings.key.size() != kChainKeyBytes) {
    throw std::invalid_argument("the audit chain's key must be 32 bytes");
  }
  g_settings = std::move(settings);
}

bool ChainConfigured() { return g_settings.has_value(); }

const ChainSettings& Chain() {
  if (!g_settings) {
    throw std::logic_error(
        "the audit chain's key is not configured (--audit-key-file or WELTCAMPUS_AUDIT_KEY)");
  }
  return *g_settings;
}

std::string KeyFromHex(const std::string& text) {
  const std::string hex = Trimmed(text);
  if (hex.size() != kChainKeyBytes * 2) {
    throw std::invalid_argument("an audit key is 64 hexadecimal digits, this one has " +
                                std::to_string(hex.size()) + " characters");
  }
  std::string key(kChainKeyBytes, '\0');
  std::size_t length = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(key.data()), key.size(), hex.data(),
                     hex.size(), nullptr, &length, nullptr) != 0 ||
      length != kChainKeyBytes) {
    throw std::invalid_argument("an audit key is 64 hexadecimal digits, this one is not");
  }
  return key;
}

std::string LoadOrCreateKeyFile(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  if (!fs::exists(path)) {
    Sodium();
    std::string key(kChainKeyBytes, '\0');
    randombytes_buf(key.data(), key.size());
    const std::string text = ToHex(key) + "\n";
    // Written beside the target and linked into place: link() fails when another process was
    // first, and then that process's key is the one read below.
    const fs::path temporary = path.string() + ".new." + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) {
      throw std::runtime_error("cannot create the audit key file " + temporary.string());
    }
    const bool written =
        ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    const bool linked = written && ::link(temporary.c_str(), path.c_str()) == 0;
    const int link_error = errno;
    ::unlink(temporary.c_str());
    if (!written || (!linked && link_error != EEXIST)) {
      throw std::runtime_error("cannot write the audit key file " + path.string());
    }
    if (linked) {
      spdlog::warn(
          "created a new audit key in {}: keep it (and a copy of it) where whoever can "
          "write the database cannot; without it the audit log cannot be verified",
          path.string());
    }
  }
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("cannot read the audit key file " + path.string());
  }
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && (info.st_mode & 0077) != 0) {
    spdlog::warn("the audit key file {} can be read by others than its owner (chmod 600 it)",
                 path.string());
  }
  std::stringstream content;
  content << in.rdbuf();
  try {
    return KeyFromHex(content.str());
  } catch (const std::invalid_argument& error) {
    throw std::runtime_error("the audit key file " + path.string() + ": " + error.what());
  }
}

std::optional<std::string> NumberText(const std::optional<int64_t>& value) {
  return value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt;
}

std::string ChainHash(const StoredEntry& entry) {
  Sodium();
  const std::string& key = Chain().key;
  const std::string input = KeyedInput(entry);
  std::string mac(crypto_auth_hmacsha256_BYTES, '\0');
  crypto_auth_hmacsha256(reinterpret_cast<unsigned char*>(mac.data()),
                         reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                         reinterpret_cast<const unsigned char*>(key.data()));
  return ToHex(mac);
}

std::string UnkeyedHash(const StoredEntry& e) {
  auto json = [](const std::optional<std::string>& text) {
    if (!text || text->empty()) {
      return std::string();
    }
    const auto value = nlohmann::json::parse(*text, nullptr, false);
    return value.is_null() ? std::string() : value.dump();
  };
  std::string text;
  auto add = [&text](const std::string& part) {
    text += part;
    text += '\x1f';
  };
  add(e.previous_hash);
  add(e.at);
  add(e.actor_user_id.value_or(""));
  add(e.actor);
  add(e.action);
  add(e.entity_type.value_or(""));
  add(e.entity_id.value_or(""));
  add(e.subject_user_id.value_or(""));
  add(json(e.before_json));
  add(json(e.after_json));
  add(e.client_address);
  add(e.request_id);
  return Sha256Hex(text);
}

AnchorFile ReadAnchors() {
  AnchorFile result;
  const auto& file = Chain().anchor_file;
  if (!file || !std::filesystem::exists(*file)) {
    return result;
  }
  std::ifstream in(*file);
  if (!in) {
    result.problem = "the anchor file " + file->string() + " cannot be read";
    return result;
  }
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) {
      continue;
    }
    std::istringstream fields(line);
    Anchor anchor;
    std::string rest;
    if (!(fields >> anchor.at >> anchor.id >> anchor.hash) || (fields >> rest) || anchor.id < 1 ||
        !IsHexHash(anchor.hash)) {
      result.problem = "line " + std::to_string(number) + " of the anchor file " + file->string() +
                       " is not \"<time> <entry id> <hash>\"";
      return result;
    }
    result.anchors.push_back(std::move(anchor));
  }
  return result;
}

void WriteAnchor(int64_t id, const std::string& hash) {
  const ChainSettings& settings = Chain();
  const std::string at = NowUtcTimestamp();
  if (settings.syslog) {
    ::openlog("weltcampus", LOG_PID, LOG_AUTHPRIV);
    ::syslog(LOG_NOTICE, "audit head: entry %lld hash %s", static_cast<long long>(id),
             hash.c_str());
    ::closelog();
  }
  if (!settings.anchor_file) {
    return;
  }
  const std::lock_guard lock(g_anchor_mutex);
  const AnchorFile existing = ReadAnchors();
  if (!existing.anchors.empty() && existing.anchors.back().id == id &&
      existing.anchors.back().hash == hash) {
    return;  // nothing new since the last anchor
  }
  const std::string line = at + " " + std::to_string(id) + " " + hash + "\n";
  const int fd = ::open(settings.anchor_file->c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd < 0) {
    throw std::runtime_error("cannot open the audit anchor file " + settings.anchor_file->string());
  }
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  if (!written) {
    throw std::runtime_error("cannot append to the audit anchor file " +
                             settings.anchor_file->string());
  }
}

}  // namespace weltcampus::audit
