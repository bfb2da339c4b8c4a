// Standard input sampled like a file (`analyze - --pack auto`): a PeekableInput over a real pipe
// fed by a writer thread (as `cat export.csv |` feeds Ascolto) keeps what the comment sample
// reads and replays it to the import, which then reads every row exactly once, with the same
// rows, rejects, line numbers and encoding as the same bytes read from a file.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "analysis/pack_detect.h"
#include "common/error.h"
#include "helpers.h"
#include "import/comment_sample.h"
#include "import/importer.h"
#include "import/sinks.h"
#include "io/peekable_input.h"

using namespace ascolto;
namespace fs = std::filesystem;

namespace {

// A pipe whose far end a thread writes `bytes` to and then closes; stream() is the near end.
class FedPipe {
 public:
  explicit FedPipe(std::string bytes) {
    std::signal(SIGPIPE, SIG_IGN);  // a reader that stops early must not kill the test
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    stream_ = ::fdopen(fds[0], "rb");
    writer_ = std::thread([fd = fds[1], b = std::move(bytes)] {
      for (std::size_t at = 0; at < b.size();) {
        const ssize_t n = ::write(fd, b.data() + at, b.size() - at);
        if (n <= 0) break;
        at += static_cast<std::size_t>(n);
      }
      ::close(fd);
    });
  }
  ~FedPipe() {
    std::fclose(stream_);
    writer_.join();
  }
  FedPipe(const FedPipe&) = delete;
  FedPipe& operator=(const FedPipe&) = delete;
  std::FILE* stream() const { return stream_; }

 private:
  std::FILE* stream_ = nullptr;
  std::thread writer_;
};

// Everything a reader gets, in reads of `chunk` bytes.
std::string read_all(PeekableInput& in, std::size_t chunk) {
  std::string all, buf(chunk, '\0');
  for (std::size_t n; (n = in.read(buf.data(), chunk)) > 0;) all.append(buf, 0, n);
  return all;
}

// The test program's scratch directory (helpers.h): removed when the program ends.
std::string write_file(const std::string& name, const std::string& content) {
  return testing::write_file(name, content);
}

// What an import of `files` produced: its counts, its JSON lines and its problems, with the
// input's name replaced by "<in>" so a file's run and standard input's compare.
struct Outcome {
  ImportCounts counts;
  std::string json;
  std::vector<std::string> problems;
};

struct Problems : ImportObserver {
  std::string name;
  std::vector<std::string> seen;
  void problem(const std::string& where, const std::string& kind,
               const std::string& reason) override {
    std::string w = where;
    if (w.rfind(name, 0) == 0) w.replace(0, name.size(), "<in>");
    seen.push_back(w + ": " + kind + ": " + reason);
  }
};

Outcome import(const std::string& file, std::shared_ptr<PeekableInput> standard_input = nullptr) {
  ImportOptions o;
  o.files = {file};
  o.reader.standard_input = std::move(standard_input);
  o.threads = 2;
  o.batch_size = 7;
  o.pseudonym_key_hex = std::string(64, 'a');  // the same ids' pseudonyms in both runs
  std::ostringstream out;
  JsonLinesSink json(out, "<memory>");
  Importer importer(testing::shipped(), o);
  importer.add_sink(json);
  Problems problems;
  problems.name = file == "-" ? "<stdin>" : file;
  const ImportSummary s = importer.run(problems);
  // Row rejects come from the reader, field problems from the workers: their order varies.
  std::sort(problems.seen.begin(), problems.seen.end());
  return {s.counts, out.str(), problems.seen};
}

std::vector<std::string> chosen_packs(const std::vector<std::string>& sample) {
  PackDetector d = PackDetector::load(testing::shipped_lexicons());
  for (const std::string& c : sample) d.add(c);
  return d.result().chosen();
}

// A telco export of `rows` rows (`eol` line ends) with a bad score, a ragged row and a stray
// quote in it, so that rejects and their line numbers are compared too.
std::string telco_export(int rows, const std::string& eol = "\n") {
  const char* comments[] = {
      "The broadband keeps dropping and the router lights are red",
      "Engineer never came to install the fibre broadband",
      "Il tecnico non si è presentato, la fibra non funziona ancora",
      "Router replaced twice, the wifi is still useless in the evening",
      "Great broadband speed since the engineer visit",
      "Modem nuovo ma la connessione cade ogni sera, wifi lentissimo",
  };
  std::string csv = "id,score,date,comment" + eol;
  for (int i = 1; i <= rows; ++i) {
    const std::string id = std::to_string(i);
    if (i % 97 == 0) {
      csv += id + ",dieci,2026-03-01,\"" + comments[i % 6] + "\"" + eol;  // a field problem
    } else if (i % 131 == 0) {
      csv += id + ",7,2026-03-01,ragged,row,here" + eol;  // too many fields: rejected
    } else if (i % 173 == 0) {
      csv += id + ",7,2026-03-01,\"a stray quote" + eol;  // costs this row only
    } else {
      csv += id + "," + std::to_string(i % 11) + ",2026-03-0" + std::to_string(1 + i % 9) + ",\"" +
             comments[i % 6] + " (" + id + ")\"" + eol;
    }
  }
  return csv;
}

}  // namespace

TEST_CASE("PeekableInput: a peek keeps at most its limit; the replay gives every byte once") {
  std::string bytes;
  for (int i = 0; i < 5000; ++i) bytes += static_cast<char>('a' + i % 26 + (i / 26) % 3);
  {
    FedPipe pipe(bytes);
    PeekableInput in(pipe.stream(), "<pipe>");
    in.peek(1234);
    CHECK(read_all(in, 100) == bytes.substr(0, 1234));  // ends at the limit
    CHECK(in.kept() == 1234);
    in.peek(1234);  // a second peek reads the kept bytes again, not the stream
    CHECK(read_all(in, 4096) == bytes.substr(0, 1234));
    in.replay();
    CHECK(read_all(in, 97) == bytes);  // kept bytes, then the rest of the stream, in order
    CHECK(in.kept() == 0);             // passed: freed
    CHECK_THROWS_AS(in.peek(10), std::logic_error);
  }
  {  // shorter than the limit: the replay never reads the ended stream again
    FedPipe pipe(bytes.substr(0, 50));
    PeekableInput in(pipe.stream(), "<pipe>");
    in.peek(1 << 20);
    CHECK(read_all(in, 64) == bytes.substr(0, 50));
    in.replay();
    CHECK(read_all(in, 64) == bytes.substr(0, 50));
  }
  {  // empty; and without a peek the stream is read as it is
    FedPipe empty("");
    PeekableInput in(empty.stream(), "<pipe>");
    in.peek(100);
    CHECK(read_all(in, 10).empty());
    in.replay();
    CHECK(read_all(in, 10).empty());
    FedPipe direct(bytes);
    PeekableInput plain(direct.stream(), "<pipe>");
    CHECK(read_all(plain, 333) == bytes);
  }
}

TEST_CASE("stdin sample: a piped export's first comments choose its pack; every row once") {
  const std::string csv = telco_export(1500);
  const std::string file = write_file("telco.csv", csv);
  const std::vector<std::string> from_file = sample_comments({file}, {}, {});
  REQUIRE(from_file.size() == 1000);
  CHECK(chosen_packs(from_file) == std::vector<std::string>{"telco"});
  const Outcome expected = import(file);
  REQUIRE(expected.counts.read == 1500);
  REQUIRE(expected.counts.rejected > 0);
  REQUIRE(expected.counts.field_issues > 0);

  // The default limit (the 1000 comments end the sample first), a limit that cuts a record in
  // two, and one just past the encoding detection's first 64 KiB.
  for (const std::size_t limit : {kStdinSampleBytes, std::size_t{2000}, std::size_t{65536 + 13}}) {
    CAPTURE(limit);
    FedPipe pipe(csv);
    ReaderOptions reader;
    reader.standard_input = std::make_shared<PeekableInput>(pipe.stream(), "<stdin>");
    const std::vector<std::string> sample = sample_comments({"-"}, reader, {}, 1000, limit);
    CHECK(reader.standard_input->kept() <= limit);
    if (limit == kStdinSampleBytes) CHECK(sample == from_file);
    REQUIRE(sample.size() >= 20);
    CHECK(chosen_packs(sample) == std::vector<std::string>{"telco"});

    const Outcome got = import("-", reader.standard_input);
    CHECK(got.counts.read == expected.counts.read);
    CHECK(got.counts.stored == expected.counts.stored);
    CHECK(got.counts.rejected == expected.counts.rejected);
    CHECK(got.counts.read == got.counts.stored + got.counts.rejected);
    CHECK(got.problems == expected.problems);  // the same reasons on the same lines
    CHECK(got.json == expected.json);          // every row once, analysed the same
  }
}

TEST_CASE("stdin sample: an empty stream, and one shorter than the peek") {
  for (const std::string& content : {std::string(), telco_export(12)}) {
    CAPTURE(content.size());
    const std::string file = write_file("short.csv", content);
    FedPipe pipe(content);
    ReaderOptions reader;
    reader.standard_input = std::make_shared<PeekableInput>(pipe.stream(), "<stdin>");
    const std::vector<std::string> sample = sample_comments({"-"}, reader, {});
    CHECK(sample == sample_comments({file}, {}, {}));
    CHECK(sample.size() == (content.empty() ? 0 : 12));
    const Outcome expected = import(file), got = import("-", reader.standard_input);
    CHECK(got.counts.read == expected.counts.read);
    CHECK(got.counts.stored == expected.counts.stored);
    CHECK(got.problems == expected.problems);
    CHECK(got.json == expected.json);
  }
}

TEST_CASE("stdin sample: CRLF with a BOM, and CRLF in Latin-1, read as from the file") {
  std::string latin1 = telco_export(300, "\r\n");
  // "è" is one byte in Latin-1 / Windows-1252.
  for (std::size_t at; (at = latin1.find("\xC3\xA8")) != std::string::npos;)
    latin1.replace(at, 2, "\xE8");
  for (const std::string& content : {"\xEF\xBB\xBF" + telco_export(300, "\r\n"), latin1}) {
    CAPTURE(content.substr(0, 3));
    const std::string file = write_file("encoded.csv", content);
    FedPipe pipe(content);
    ReaderOptions reader;
    reader.standard_input = std::make_shared<PeekableInput>(pipe.stream(), "<stdin>");
    const std::vector<std::string> sample = sample_comments({"-"}, reader, {}, 1000, 4000);
    REQUIRE(!sample.empty());
    CHECK(chosen_packs(sample) == std::vector<std::string>{"telco"});
    CHECK(sample[0] == "Engineer never came to install the fibre broadband (1)");  // no BOM, CR
    CHECK(sample[1].find("si \xC3\xA8 presentato") != std::string::npos);          // converted
    const Outcome expected = import(file), got = import("-", reader.standard_input);
    CHECK(got.counts.read == 300);
    CHECK(got.counts.read == expected.counts.read);
    CHECK(got.problems == expected.problems);
    CHECK(got.json == expected.json);
    CHECK(got.json.find("si \xC3\xA8 presentato") != std::string::npos);
  }
}

TEST_CASE("stdin sample: JSON lines and a comment dump on a pipe, read twice by their readers") {
  // The JSON-lines reader reads its input twice (its columns first): on standard input the
  // replayed bytes and the rest of the stream go to its spool like any other.
  std::string jsonl, dump;
  for (int i = 1; i <= 400; ++i) {
    const std::string c = i % 2 ? "The router drops the broadband every night, engineer booked"

                                : "Wifi lento, il modem si riavvia da solo";
    jsonl += "{\"id\": " + std::to_string(i) + ", \"score\": " + std::to_string(i % 11) +
             ", \"comment\": \"" + c + " " + std::to_string(i) + "\"" +
             (i == 300 ? ", \"channel\": \"app\"" : "") + "}\n";
    // One comma in each line would make a table of two columns: a dump has none here.
    dump += (i % 2 ? "Engineer booked but the router drops" : "Wifi lento e il modem si riavvia") +
            std::string(" ") + std::to_string(i) + "\n";
  }
  jsonl += "{\"id\": 401, \"comment\": \"broken\n";  // cut short: rejected
  for (const auto& [name, content] : {std::pair{"piped.jsonl", jsonl}, {"piped.txt", dump}}) {
    CAPTURE(name);
    const std::string file = write_file(name, content);
    FedPipe pipe(content);
    ReaderOptions reader;
    reader.standard_input = std::make_shared<PeekableInput>(pipe.stream(), "<stdin>");
    const std::vector<std::string> sample = sample_comments({"-"}, reader, {}, 1000, 3000);
    REQUIRE(sample.size() >= 20);
    CHECK(chosen_packs(sample) == std::vector<std::string>{"telco"});
    const Outcome expected = import(file), got = import("-", reader.standard_input);
    CHECK(got.counts.read == (content == jsonl ? 401 : 400));
    CHECK(got.counts.read == expected.counts.read);
    CHECK(got.counts.rejected == expected.counts.rejected);
    CHECK(got.problems == expected.problems);
    CHECK(got.json == expected.json);
  }
}
