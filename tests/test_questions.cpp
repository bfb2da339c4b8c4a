// Which words of a sentence ending in '?' are only asked about, in both languages.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analysis/questions.h"

using namespace ascolto;

namespace {

struct Scoped {
  TokenizedText tokens;
  QuestionScope scope;
  // The text from the first token that asks, as its lookup forms joined by spaces.
  std::string asked() const {
    std::string s;
    for (std::uint32_t i = scope.from; i < tokens.tokens.size(); ++i)
      s += (s.empty() ? "" : " ") + tokens.tokens[i].norm;
    return s;
  }
};

// The first sentence's scope, its clauses split at clause punctuation as the scorer does.
Scoped scope(const std::string& text, Lang lang) {
  static Tokenizer tok;
  Scoped out;
  tok.tokenize(text, out.tokens);
  const Sentence& s = out.tokens.sentences.front();
  std::vector<Clause> clauses(1);
  clauses.back().first_token = s.first_token;
  for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
    if (is_clause_boundary(out.tokens.tokens[i]) && i + 1 < s.end_token) {
      clauses.back().end_token = i + 1;
      clauses.push_back({});
      clauses.back().first_token = i + 1;
    }
  }
  clauses.back().end_token = s.end_token;
  out.scope = question_scope(out.tokens, lang, s, clauses);
  return out;
}

}  // namespace

TEST_CASE("a statement asks nothing") {
  for (const auto& [text, lang] :
       {std::pair{"The menu is good.", Lang::En}, std::pair{"Il menu è buono!", Lang::It}}) {
    CAPTURE(text);
    const Scoped q = scope(text, lang);
    CHECK_FALSE(q.scope.marked);
    CHECK_FALSE(q.scope.asks);
  }
}

TEST_CASE("a question asks from the clause its question word opens") {
  CHECK(scope("Is the new menu good?", Lang::En).asked() == "is the new menu good ?");
  CHECK(scope("Il nuovo menu è buono?", Lang::It).asked() == "il nuovo menu è buono ?");
  CHECK(scope("Great food, but why so slow?", Lang::En).asked() == "but why so slow ?");
  CHECK(scope("Ottimo cibo, ma perché così lento?", Lang::It).asked() == "ma perché così lento ?");
  // An auxiliary opens a question only as the first word of its clause, not as in "I was".
  CHECK(scope("I was there, was the food good?", Lang::En).asked() == "was the food good ?");
  // Mentions and conjunctions before the question word are skipped.
  CHECK(scope("Nice view, @anna why so slow?", Lang::En).asked() == "@anna why so slow ?");
}

TEST_CASE("a closing tag asks for agreement: the statement stands") {
  for (const auto& [text, lang] :
       {std::pair{"It was great, wasn't it?", Lang::En}, std::pair{"You had fun, right?", Lang::En},
        std::pair{"Nice place, don't you think?", Lang::En},
        std::pair{"I was at this awesome party, were you?", Lang::En},
        std::pair{"Era buonissimo, vero?", Lang::It},
        std::pair{"Bel posto, non trovi?", Lang::It}}) {
    CAPTURE(text);
    const Scoped q = scope(text, lang);
    CHECK(q.scope.marked);
    CHECK_FALSE(q.scope.asks);
    CHECK(q.scope.tag_from < q.tokens.tokens.size());
  }
  // A tag alone, or a clause that only looks like one, is still a question.
  CHECK(scope("Right?", Lang::En).scope.asks);
  CHECK(scope("Was it good, or not?", Lang::En).scope.asks);
  CHECK(scope("Era buono, o no?", Lang::It).scope.asks);
}

TEST_CASE("asking who shares an opinion states it") {
  CHECK_FALSE(scope("Is it just me or is the app slower?", Lang::En).scope.asks);
  CHECK_FALSE(scope("Am I the only one who loves the new menu?", Lang::En).scope.asks);
  CHECK_FALSE(scope("Sbaglio o il servizio è peggiorato?", Lang::It).scope.asks);
  CHECK_FALSE(scope("Sono l'unico a cui piace il nuovo menu?", Lang::It).scope.asks);
}

TEST_CASE("a rhetorical question affirms what it negates; a why-not question does not") {
  CHECK(scope("Isn't it great?", Lang::En).scope.rhetorical);
  CHECK(scope("Who doesn't love free shipping?", Lang::En).scope.rhetorical);
  CHECK(scope("Non è fantastico?", Lang::It).scope.rhetorical);
  CHECK(scope("Chi non ama la consegna gratuita?", Lang::It).scope.rhetorical);
  CHECK_FALSE(scope("Why isn't it working?", Lang::En).scope.rhetorical);
  CHECK_FALSE(scope("Perché non funziona?", Lang::It).scope.rhetorical);
}

TEST_CASE("how before an opinion word exclaims") {
  const Scoped en = scope("How cool is that?", Lang::En);
  CHECK(exclamative_how(en.tokens, Lang::En, 0, 1));
  const Scoped it = scope("Quanto è bello?", Lang::It);
  CHECK(exclamative_how(it.tokens, Lang::It, 0, 2));
  const Scoped plain = scope("Is it cool?", Lang::En);
  CHECK_FALSE(exclamative_how(plain.tokens, Lang::En, 0, 2));
}
