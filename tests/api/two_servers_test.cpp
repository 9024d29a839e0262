// Two servers on one database behind Debian's nginx, configured with the repository's own
// deploy/nginx/weltcampus-proxy.conf (issue 13, "Two servers"; README, "Deploying"): a session
// made through the proxy is valid on both servers, an edit through one cannot overwrite a newer
// one made through the other (412), and a rolling restart — each server stopped with SIGTERM and
// started again in turn, as systemd does with deploy/systemd/weltcampus@.service — fails no
// request that clients send through nginx meanwhile.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"
#include "raw_http.h"
#include "second_server.h"
#include "test_server.h"

namespace weltcampus::api_test {
namespace {

namespace fs = std::filesystem;

// A port on 127.0.0.1 that nobody listens on right now.
int UnusedLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  return port;
}

// nginx in the foreground, in a folder of its own, proxying to the servers at `ports`.
class NginxInFront {
 public:
  ~NginxInFront() { Stop(); }

  void Start(const std::vector<int>& ports, int listen_port) {
    dir_ = fs::path(Server().temp_dir) / ("nginx-" + UniqueLetters(6));
    fs::create_directories(dir_);
    port_ = listen_port;
    // The site's upstream block, its two servers' ports replaced by the test's.
    std::ifstream site(std::string(WELTCAMPUS_SOURCE_ROOT) + "/deploy/nginx/weltcampus.conf");
    const std::string text(std::istreambuf_iterator<char>(site), {});
    const auto begin = text.find("upstream weltcampus {");
    const auto end = text.find('}', begin);
    ASSERT_NE(begin, std::string::npos) << "no upstream block in deploy/nginx/weltcampus.conf";
    std::string upstream = text.substr(begin, end - begin + 1);
    ASSERT_EQ(ports.size(), 2U);
    for (const auto& [site_port, port] :
         {std::pair{"127.0.0.1:8081", ports[0]}, std::pair{"127.0.0.1:8082", ports[1]}}) {
      const auto at = upstream.find(site_port);
      ASSERT_NE(at, std::string::npos) << site_port << " is not in the site's upstream block";
      upstream.replace(at, std::string_view(site_port).size(), "127.0.0.1:" + std::to_string(port));
    }
    const std::string d = dir_.string();
    std::ofstream(dir_ / "nginx.conf")
        << "daemon off;\nmaster_process off;\npid " << d << "/nginx.pid;\nerror_log " << d
        << "/error.log warn;\nevents { worker_connections 256; }\nhttp {\n  access_log " << d
        << "/access.log;\n  client_body_temp_path " << d << "/body;\n  proxy_temp_path " << d
        << "/proxy;\n  fastcgi_temp_path " << d << "/fastcgi;\n  uwsgi_temp_path " << d
        << "/uwsgi;\n  scgi_temp_path " << d << "/scgi;\n  " << upstream
        << "\n  server {\n    listen 127.0.0.1:" << listen_port
        << ";\n    location / {\n      include " << WELTCAMPUS_SOURCE_ROOT
        << "/deploy/nginx/weltcampus-proxy.conf;\n    }\n  }\n}\n";
    pid_ = fork();
    if (pid_ == 0) {
      const int fd = open((d + "/stderr.log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (fd >= 0) {
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        close(fd);
      }
      execlp("nginx", "nginx", "-p", d.c_str(), "-c", (d + "/nginx.conf").c_str(), "-e",
             (d + "/error.log").c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    ASSERT_GT(pid_, 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      if (Request("GET", "/api/v1/health", "").status == 200) {
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    FAIL() << "nginx did not answer on port " << listen_port << "; its log:\n" << Log();
  }

  void Stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
      pid_ = -1;
    }
  }

  std::string Log() const {
    std::ifstream in(dir_ / "error.log");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  Response Request(const std::string& method, const std::string& path, const std::string& body,
                   const Session& session = {}) const {
    return RequestToPort(port_, method, path, body, session);
  }

 private:
  fs::path dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

TEST(TwoServers, SessionsHoldOnBothNoUpdateIsLostAndARollingRestartFailsNoRequest) {
  const std::string first_listen = "127.0.0.1:" + std::to_string(UnusedLoopbackPort());
  const std::string second_listen = "127.0.0.1:" + std::to_string(UnusedLoopbackPort());
  const std::vector<std::string> behind_proxy = {"--trusted-proxy", "127.0.0.1"};
  SecondServer first;
  SecondServer second;
  ASSERT_NO_FATAL_FAILURE(first.Start(Server().db_url, first_listen, behind_proxy));
  ASSERT_NO_FATAL_FAILURE(second.Start(Server().db_url, second_listen, behind_proxy));
  NginxInFront nginx;
  ASSERT_NO_FATAL_FAILURE(nginx.Start({first.port(), second.port()}, UnusedLoopbackPort()));

  // Signed in through the proxy: the session is valid on each server.
  const Response login = nginx.Request(
      "POST", "/api/v1/auth/login",
      Json{{"email", DemoEmail("international_office")}, {"password", kDemoPassword}}.dump());
  ASSERT_EQ(login.status, 200) << login.body << "\n" << nginx.Log();
  const Session session = SessionFromLogin(login);
  first.UseSession(session);
  second.UseSession(session);
  EXPECT_EQ(first.Request("GET", "/api/v1/me", "").status, 200);
  EXPECT_EQ(second.Request("GET", "/api/v1/me", "").status, 200);

  // An edit through one server, then a stale one through the other: 412, nothing overwritten.
  const Response created = first.Request("POST", kInstitutions, NewInstitutionBody("AT").dump());
  ASSERT_EQ(created.status, 201) << created.body;
  Json institution = created.json;
  const std::string path = kInstitutions + "/" + std::to_string(IdOf(institution));
  const std::string stale = "If-Match: \"" + std::to_string(VersionOf(institution)) + "\"\r\n";
  institution["city"] = "Graz";
  ASSERT_EQ(second.Request("PUT", path, institution.dump(), stale).status, 200);
  institution["city"] = "Linz";
  EXPECT_EQ(first.Request("PUT", path, institution.dump(), stale).status, 412);
  Json stored;
  ASSERT_NO_FATAL_FAILURE(GetOk(path, &stored));
  EXPECT_EQ(stored["city"], "Graz");

  // Clients go on reading and writing through nginx while each server is restarted in turn.
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::vector<std::string> failed;
  int answered = 0;
  std::thread client([&] {
    while (!stop) {
      const Response read = nginx.Request("GET", kInstitutions + "?limit=5", "", session);
      const Response write =
          nginx.Request("POST", kInstitutions, NewInstitutionBody("AT").dump(), session);
      const std::lock_guard lock(mutex);
      for (const Response* answer : {&read, &write}) {
        if (answer->status < 200 || answer->status > 299) {
          failed.push_back(answer->request + ": " + std::to_string(answer->status) + " " +
                           answer->body + answer->transport_error);
        }
      }
      answered += 2;
    }
  });
  const auto requests_so_far = [&] {
    const std::lock_guard lock(mutex);
    return answered;
  };
  const auto wait_for_requests = [&](int more) {
    const int target = requests_so_far() + more;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (requests_so_far() < target && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  };
  wait_for_requests(10);
  first.Stop();
  wait_for_requests(10);  // only the second server answers now
  ASSERT_NO_FATAL_FAILURE(first.Start(Server().db_url, first_listen, behind_proxy));
  second.Stop();
  wait_for_requests(10);  // only the first
  ASSERT_NO_FATAL_FAILURE(second.Start(Server().db_url, second_listen, behind_proxy));
  wait_for_requests(10);
  stop = true;
  client.join();
  EXPECT_GE(answered, 40);
  EXPECT_TRUE(failed.empty()) << failed.size() << " requests failed, the first: " << failed.front()
                              << "\nnginx:\n"
                              << nginx.Log();
}

}  // namespace
}  // namespace weltcampus::api_test
