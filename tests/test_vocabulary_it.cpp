// The Italian vocabulary of product and service reviews, group by group: minimal pairs in which
// one sentence needs an entry (a review word, a set phrase, a quick spelling) and its partner, a
// neutral or opposite variant, shows the entry is what decides. Rules are tested apart, on the
// mini lexicon, in test_sentiment.cpp; English and mixed families in test_vocabulary.cpp.
#include <doctest/doctest.h>

#include <string>

#include "analysis/analyzer.h"
#include "helpers.h"

using namespace ascolto;

namespace {

Analysis italian(const std::string& text) {
  static Analyzer it(testing::shipped(), Lang::It);
  return it.analyze(text);
}

struct Case {
  const char* text;
  SentimentLabel label;
};

void check_all(std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(label_name(italian(c.text).label) == std::string(label_name(c.label)));
  }
}

constexpr SentimentLabel Pos = SentimentLabel::Positive;
constexpr SentimentLabel Neg = SentimentLabel::Negative;
constexpr SentimentLabel Neu = SentimentLabel::Neutral;

}  // namespace

TEST_CASE("Italian written without accents reads as with them") {
  check_all({
      {"tornero sicuramente", Pos},
      {"tornerò sicuramente", Pos},
      {"cosi cosi", Neu},
      {"la qualita è ottima", Pos},
      {"la qualita è scarsa", Neg},
  });
  // The negator "non più" without its accent still negates.
  CHECK(italian("non lo ricomprero").score < -0.1);
  CHECK(italian("lo ricomprero").score > 0.1);
  // Words shorter than three letters keep their accent: "e" is "and", not "è".
  CHECK(italian("non e male").label == italian("non è male").label);
  // The councillor is not the future of "consigliare".
  CHECK(italian("la consigliera comunale").label == Neu);
  CHECK(italian("lo consiglierà a tutti").label == Pos);
}

TEST_CASE("Italian abbreviations of quick reviews") {
  check_all({
      {"nn funziona", Neg},
      {"funziona", Pos},
      {"nn lo consiglio", Neg},
      {"lo consiglio", Pos},
      {"caro, cmq funziona", Pos},
  });
  CHECK(italian("bello xò si è rotto subito").score < italian("bello e si è rotto subito").score);
  CHECK(italian("nn mi è piaciuto x niente").score < italian("nn mi è piaciuto").score);
  CHECK(italian("tt ok").label == Pos);
  CHECK(italian("tt qui").label == Neu);
}

TEST_CASE("Italian lukewarm verdicts are neither praise nor complaint") {
  check_all({
      {"niente di che", Neu},
      {"niente di cui lamentarsi", Pos},
      {"niente di speciale", Neu},
      {"così così", Neu},
      {"così bello", Pos},
      {"fa il minimo indispensabile", Neg},
      {"è diventato indispensabile", Pos},
  });
}

TEST_CASE("Italian reviews: praise stated as a fact") {
  check_all({
      {"corrisponde alla descrizione", Pos},
      {"non corrisponde alla descrizione", Neg},
      {"tiene la carica per tre giorni", Pos},
      {"tiene la borsa per tre giorni", Neu},
      {"costa meno che al supermercato", Pos},
      {"costa come al supermercato", Neu},
      {"rispetto ai negozi si risparmia parecchio", Pos},
      {"lo ricompro sicuramente", Pos},
      {"non lo ricompro", Neg},
      {"hanno sostituito il prodotto senza fare storie", Pos},
      {"hanno sostituito il prodotto", Neu},
      {"la crema si assorbe in fretta", Pos},
      {"la crema unge", Neg},
      {"la crema non unge", Pos},
      {"il maglione fa pelucchi", Neg},
      {"il maglione non fa pelucchi", Pos},
      {"un profumo che dura tutta la giornata", Pos},
  });
}

TEST_CASE("Italian reviews: what was missing, cold, wet or refused") {
  check_all({
      {"manca il caricatore", Neg},
      {"c'è il caricatore", Neu},
      {"al ritiro mancavano due articoli", Neg},
      {"al ritiro c'erano due articoli", Neu},
      {"la batteria si scarica in due ore", Neg},
      {"la batteria si carica in due ore", Neu},
      {"il piatto è arrivato freddo", Neg},
      {"il piatto è arrivato al tavolo", Neu},
      {"c'erano capelli nel lavandino", Neg},
      {"c'erano asciugamani nel bagno", Neu},
      {"il pacco è arrivato bagnato", Neg},
      {"il pacco è arrivato martedì", Neu},
      {"sono due settimane che aspetto una risposta", Neg},
      {"ancora aspetto il tecnico", Neg},
      {"aspetto il tecnico", Neu},
      {"il reso me lo hanno rifiutato", Neg},
      {"il reso me lo hanno accettato", Neu},
      {"ci ho rimesso cinquanta euro", Neg},
      {"si rimpallano le responsabilità", Neg},
      {"ognuno dà la colpa all'altro", Neg},
      {"una cover di plasticaccia", Neg},
      {"una cover di plastica", Neu},
  });
}

TEST_CASE("Italian advice on sizes and audiences is no recommendation") {
  check_all({
      {"consiglio di prendere una misura in meno", Neu},
      {"consiglio di prenderlo", Pos},
      {"vestibilità abbondante", Neu},
      {"porzioni abbondanti", Pos},
  });
  CHECK(italian("il sapore è forte, per chi ama il caffè intenso").label == Neu);
  CHECK(italian("amo questo caffè intenso").label == Pos);
}

TEST_CASE("Italian service reviews: banks, insurers, utilities and telcos") {
  check_all({
      {"al rinnovo hanno aumentato il premio", Neg},
      {"al rinnovo hanno aumentato la copertura", Neu},
      {"il premio assicurativo si paga a gennaio", Neu},
      {"tariffa bloccata per due anni", Pos},
      {"carta bloccata per due giorni", Neg},
      {"mi è arrivato un conguaglio di 800 euro", Neg},
      {"mi è arrivato un bollettino di 80 euro", Neu},
      {"allo sportello c'era una fila lunghissima", Neg},
      {"allo sportello c'era una persona", Neu},
      {"per aprire il conto mi hanno chiesto mille documenti", Neg},
      {"per aprire il conto mi hanno chiesto due documenti", Neu},
      {"disdetta fatta online in due minuti", Pos},
      {"disdetta fatta online a marzo", Neu},
      {"la fibra va e viene", Neg},
      {"la fibra va veloce", Pos},
      {"internet cade in continuazione", Neg},
      {"l'operatore mi ha attaccato il telefono", Neg},
      {"l'operatore mi ha passato il telefono", Neu},
      {"l'operatore ha capito subito il problema", Pos},
      {"l'operatore non ha capito il problema", Neg},
  });
}

TEST_CASE("Italian product reviews: sound, picture, seams, make-up and scent") {
  check_all({
      {"le cuffie gracchiano", Neg},
      {"le cuffie suonano", Neu},
      {"le foto vengono sgranate", Neg},
      {"le foto vengono stampate", Neu},
      {"le cuciture sono storte", Neg},
      {"le cuciture sono doppie", Neu},
      {"il mascara si sbava", Neg},
      {"il mascara si stende", Neu},
      {"la crema idrata a lungo", Pos},
      {"la crema si stende a lungo", Neu},
      {"il profumo svanisce dopo un'ora", Neg},
      {"il profumo si sente dopo un'ora", Neu},
      {"le lenzuola erano macchiate", Neg},
      {"le lenzuola erano bianche", Neu},
      {"un caffè macchiato", Neu},
  });
}

TEST_CASE("Italian couriers and hosts: a thrown parcel, a stuck one, feeling at home") {
  check_all({
      {"il corriere ha lanciato il pacco", Neg},
      {"il corriere ha lasciato il pacco", Neu},
      {"il pacco è fermo in deposito", Neg},
      {"il pacco è in consegna", Neu},
      {"il corriere mi ha avvisato prima di passare", Pos},
      {"il corriere è passato", Neu},
      {"lo staff ci ha fatto sentire a casa", Pos},
      {"lo staff ci ha fatto entrare in casa", Neu},
  });
}

TEST_CASE("Italian instructions for a fault and things not yet tried are no complaint") {
  check_all({
      {"in caso di problemi chiamate il numero verde", Neu},
      {"ho avuto problemi, ho chiamato il numero verde", Neg},
      {"per problemi c'è l'assistenza", Neu},
      {"non l'ho ancora aperto", Neu},
      {"non l'ho ancora ricevuto", Neg},
      {"non ho mai usato la garanzia", Neu},
      {"non ho mai avuto bisogno dell'assistenza", Neu},
      {"nn so se funziona con android", Neu},
  });
}

TEST_CASE("Italian product reviews: wear, defects and faults told with a verb") {
  check_all({
      {"una borsa capiente", Pos},
      {"una borsa marrone", Neu},
      {"la connessione è stabile", Pos},
      {"il maglione si è infeltrito", Neg},
      {"il maglione si è asciugato", Neu},
      {"il telefono era difettato", Neg},
      {"il telefono era nuovo", Neu},
      {"il sugo era acquoso", Neg},
      {"il sugo era al pomodoro", Neu},
      {"la suola si stacca", Neg},
      {"la suola si lava", Neu},
      {"la zip si incastra", Neg},
      {"la lavatrice vibra tantissimo", Neg},
      {"il lettore fa i capricci", Neg},
      {"lo schermo si è spento da solo", Neg},
      {"lo schermo si è acceso", Neu},
      {"emana un odore chimico", Neg},
  });
}

TEST_CASE("Italian orders: wrong, opened or vanished; prices given away") {
  check_all({
      {"mi è arrivato un articolo diverso", Neg},
      {"mi è arrivato un articolo", Neu},
      {"la scatola era già stata aperta", Neg},
      {"la scatola era stata chiusa", Neu},
      {"mi hanno chiesto soldi in più alla consegna", Neg},
      {"mi hanno chiesto la firma alla consegna", Neu},
      {"dopo il pagamento il venditore è sparito", Neg},
      {"dopo il pagamento il venditore ha spedito", Neu},
      {"ho dovuto rivolgermi a un'associazione di consumatori", Neg},
      {"dopo vari solleciti mi hanno risposto", Neg},
      {"a quel prezzo è praticamente regalato", Pos},
      {"a quel prezzo è stato spedito", Neu},
      {"ho fatto un affare", Pos},
      {"mi hanno tirato un pacco", Neg},
  });
}

TEST_CASE("Italian praise idioms of reviews") {
  check_all({
      {"non ha nulla da invidiare ai marchi famosi", Pos},
      {"ha molto da imparare dai marchi famosi", Neu},
      {"svolge il suo compito", Pos},
      {"svolge il suo turno", Neu},
      {"tiene botta anche sotto sforzo", Pos},
      {"va come una scheggia", Pos},
      {"va come una macchina", Neu},
      {"era proprio quello che cercavo", Pos},
      {"era proprio quello che avevo ordinato", Neu},
      {"mi ha cambiato la vita", Pos},
      {"mi ha cambiato la batteria", Neu},
      {"non ne posso più fare a meno", Pos},
      {"fa la sua figura", Pos},
      {"tempi di consegna rispettati", Pos},
      {"tempi di consegna indicati", Neu},
      {"si spende il giusto", Pos},
      {"il mio ristorante del cuore", Pos},
      {"le pulsazioni del cuore", Neu},
      {"servizio clienti sul pezzo", Pos},
  });
}

TEST_CASE("Italian complaint idioms of reviews") {
  check_all({
      {"la qualità lascia parecchio a desiderare", Neg},
      {"ci sono cascato anch'io", Neg},
      {"ci sono andato anch'io", Neu},
      {"costa una fortuna", Neg},
      {"costa una sterlina", Neu},
      {"ti rispondono con sufficienza", Neg},
      {"ti rispondono con una mail", Neu},
      {"ti guardano dall'alto in basso", Neg},
      {"se ne lavano le mani", Neg},
      {"se ne infischiano", Neg},
      {"fanno orecchie da mercante", Neg},
      {"un servizio da terzo mondo", Neg},
      {"i paesi del terzo mondo", Neu},
      {"è finito nel cestino", Neg},
      {"l'ho reso subito", Neg},
      {"l'ho preso subito", Neu},
      {"cambio gestore appena possibile", Neg},
      {"appena scade il contratto cambio", Neg},
  });
}

TEST_CASE("Italian chat spellings and set phrases that do not judge") {
  check_all({
      {"ke skifo", Neg},
      {"ke bello", Pos},
      {"skifo totale", Neg},
      {"un po' bruttarello", Neg},
      {"sto telefono è na bomba", Pos},
      {"sto telefono è na sola", Neg},
      {"la cover fa acqua", Neg},
      {"la cover fa luce", Neu},
      {"una truffa bella e buona", Neg},
  });
}

TEST_CASE("Italian stories of waiting and being put off, told without opinion words") {
  check_all({
      {"aspetto da due settimane", Neg},
      {"aspetto due settimane", Neu},
      {"tre mesi per avere il rimborso", Neg},
      {"tre mesi di garanzia sul rimborso", Neu},
      {"ho dovuto mandare una pec", Neg},
      {"ho potuto mandare una foto", Neu},
      {"mezz'ora di musichetta", Neg},
      {"mezz'ora di musica", Neu},
      {"mi hanno fatto aspettare venti minuti", Neg},
      {"mi hanno fatto vedere venti modelli", Neu},
      {"tuttora aspetto il tecnico", Neg},
      {"il rimborso è ancora in lavorazione", Neg},
      {"il rimborso è in lavorazione", Neu},
      {"continuano a rimandare", Neg},
      {"ogni volta una scusa diversa", Neg},
      {"ogni volta una sorpresa diversa", Neu},
      {"mi hanno detto di pazientare", Neg},
      {"mi hanno detto di passare", Neu},
      {"l'ho mandato in assistenza", Neg},
      {"il pacco è tornato al mittente", Neg},
      {"il pacco è arrivato al destinatario", Neu},
      {"dopo mezz'ora mi è caduta la linea", Neg},
  });
}

TEST_CASE("Italian descriptions of colour, packaging and editions stay neutral") {
  check_all({
      {"l'ho preso azzurro chiaro", Neu},
      {"spiegazioni chiare", Pos},
      {"fondotinta per pelle chiara", Neu},
      {"arrivato nella confezione originale", Neu},
      {"un design originale", Pos},
      {"l'ho preso in offerta speciale", Neu},
      {"un regalo speciale", Pos},
      {"conservare in luogo fresco", Neu},
      {"pesce fresco", Pos},
  });
}

TEST_CASE("Italian facts of a good outcome, and praise that belongs to the photo") {
  check_all({
      {"il contenuto era integro", Pos},
      {"il contenuto era liquido", Neu},
      {"mi hanno stornato tutto", Pos},
      {"mi hanno spedito tutto", Neu},
      {"la pelle sembra plastica", Neg},
      {"la pelle sembra vera", Neu},
      {"reso richiesto", Neg},
      {"come da foto", Pos},
      {"come da programma", Neu},
  });
  CHECK(italian("in foto sembrava bellissimo").score < italian("è bellissimo").score / 2);
}

TEST_CASE("Italian restaurant and hotel reviews: on the house, forgotten, upgraded") {
  check_all({
      {"la carne si scioglieva in bocca", Pos},
      {"la carne si scioglieva in padella", Neu},
      {"carta dei vini ben fornita", Pos},
      {"carta dei vini in inglese", Neu},
      {"il limoncello offerto dalla casa", Pos},
      {"il limoncello comprato al bar", Neu},
      {"abbiamo dovuto chiedere il pane", Neg},
      {"abbiamo voluto chiedere il pane", Neu},
      {"il cameriere si è dimenticato il nostro ordine", Neg},
      {"il cameriere ha preso il nostro ordine", Neu},
      {"ci hanno fatto l'upgrade", Pos},
      {"la camera era diversa da quella prenotata", Neg},
      {"la camera era quella prenotata", Neu},
      {"cuscini piatti", Neg},
      {"cuscini nuovi", Neu},
      {"l'acqua calda finiva subito", Neg},
      {"ci hanno chiesto un supplemento per il lettino", Neg},
      {"ci hanno chiesto un documento per il lettino", Neu},
      {"la piscina era chiusa", Neg},
      {"la piscina era coperta", Neu},
  });
}

TEST_CASE("Italian app reviews: too many ads, battery drain, paywalls; praise of use") {
  check_all({
      {"troppe pubblicità", Neg},
      {"due pubblicità", Neu},
      {"chiede troppi permessi", Neg},
      {"chiede due permessi", Neu},
      {"ci mette una vita a caricare", Neg},
      {"ci mette un secondo a caricare", Neu},
      {"mi disconnette ogni volta", Neg},
      {"mi riconosce ogni volta", Neu},
      {"consuma tantissima batteria", Neg},
      {"hanno messo tutto a pagamento", Neg},
      {"hanno messo tutto in ordine", Neu},
      {"rimettete la versione precedente", Neg},
      {"ti costringono ad abbonarti", Neg},
      {"ti invitano ad abbonarti", Neu},
      {"fa tutto quello che mi serve", Pos},
      {"nessuna pubblicità", Pos},
      {"la uso tutti i giorni", Pos},
      {"la apro tutti i giorni", Neu},
  });
  CHECK(italian("prima funzionava benissimo").score < italian("funziona benissimo").score / 2);
}

TEST_CASE("Italian clothing and shoe reviews") {
  check_all({
      {"la camicia non si stropiccia", Pos},
      {"la camicia si stropiccia", Neg},
      {"la camicia si stira", Neu},
      {"tiene al caldo senza far sudare", Pos},
      {"il maglione fa sudare", Neg},
      {"tessuto traspirante", Pos},
      {"la lana punge", Neg},
      {"la lana scalda", Neu},
      {"le scarpe mi hanno fatto venire le vesciche", Neg},
      {"le scarpe stringono in punta", Neg},
      {"le scarpe sono in punta", Neu},
      {"una maglietta a maniche corte", Neu},
      {"le maniche sono corte", Neg},
      {"il tessuto fa le palline", Neg},
      {"il tessuto fa le pieghe", Neu},
      {"si è bucato dopo due settimane", Neg},
      {"il colore è completamente diverso", Neg},
      {"le taglie sono sballate", Neg},
      {"le taglie sono indicate", Neu},
      {"le cuciture si sono aperte", Neg},
  });
}

TEST_CASE("Italian electronics and appliance reviews") {
  check_all({
      {"configurazione in pochi minuti", Pos},
      {"configurazione in inglese", Neu},
      {"si connette al volo", Pos},
      {"si connette al router", Neu},
      {"autonomia da record", Pos},
      {"nessun rallentamento", Pos},
      {"rallentamenti sulla A12", Neu},
      {"consuma pochissimo", Pos},
      {"consuma corrente", Neu},
      {"audio metallico", Neg},
      {"audio stereo", Neu},
      {"si sente a tratti", Neg},
      {"lo schermo fa le righe", Neg},
      {"il tasto è rimasto incastrato", Neg},
      {"il tasto è rimasto acceso", Neu},
  });
}

TEST_CASE("Italian insurer, bank and utility reviews") {
  check_all({
      {"bravi solo a incassare", Neg},
      {"bravi a incassare e a pagare", Pos},
      {"si attaccano a ogni cavillo", Neg},
      {"clausole scritte in piccolo", Neg},
      {"clausole scritte in italiano", Neu},
      {"commissioni alte", Neg},
      {"spese di spedizione", Neu},
      {"spese alte", Neg},
      {"il consulente mi ha seguito in tutto", Pos},
      {"il consulente mi ha scritto", Neu},
      {"sempre reperibili", Pos},
      {"il sinistro è stato liquidato in un mese", Pos},
      {"il sinistro è stato aperto in un mese", Neu},
      {"nessuna sorpresa in bolletta", Pos},
      {"il consulente è sempre raggiungibile", Pos},
      {"il consulente non è raggiungibile", Neg},
  });
}

TEST_CASE("Italian 'and nothing more' takes the praise down to lukewarm") {
  check_all({
      {"funziona, ma niente di più", Neu},
      {"funziona, e anche di più", Pos},
      {"fa il suo lavoro e niente di più", Neu},
      {"fa il suo lavoro", Pos},
  });
}

TEST_CASE("Italian courier reviews: failed attempts, other signatures, next-day delivery") {
  check_all({
      {"risulta tentata consegna ma ero in casa", Neg},
      {"risulta la consegna di martedì", Neu},
      {"hanno firmato al posto mio", Neg},
      {"il pacco era schiacciato", Neg},
      {"il pacco era sigillato", Neu},
      {"la consegna continua a slittare", Neg},
      {"la consegna è slittata", Neg},
      {"la manovra è slittata", Neu},
      {"tracking sempre aggiornato", Pos},
      {"tracking in inglese", Neu},
      {"consegnato anche di sabato", Pos},
      {"consegnato di sabato", Neu},
  });
}

TEST_CASE("Italian food delivery and cosmetics reviews") {
  check_all({
      {"il cibo è arrivato tutto rovesciato", Neg},
      {"il cibo è arrivato tutto insieme", Neu},
      {"hanno dimenticato le patatine", Neg},
      {"hanno portato le patatine", Neu},
      {"le patatine erano mollicce", Neg},
      {"il panino era secco", Neg},
      {"il panino era vegetariano", Neu},
      {"arrivato caldo e ben confezionato", Pos},
      {"la crema ha lasciato la pelle tirata", Neg},
      {"mi sono venuti i brufoli", Neg},
      {"lo smalto si scheggia dopo un giorno", Neg},
      {"lo smalto si asciuga dopo un minuto", Neu},
      {"lo smalto dura una settimana senza scheggiarsi", Pos},
      {"il rossetto secca le labbra", Neg},
      {"il rossetto non secca le labbra", Pos},
  });
}

TEST_CASE("Italian shops, warranties, repairs and refunds") {
  check_all({
      {"la riparazione costa quanto uno nuovo", Neg},
      {"la riparazione costa dieci euro", Neu},
      {"ricambi introvabili", Neg},
      {"ricambi in magazzino", Neu},
      {"riparato in tre giorni", Pos},
      {"spedito in tre giorni", Neu},
      {"mi hanno dato un buono invece del rimborso", Neg},
      {"mi hanno dato un buono regalo", Neu},
      {"commessi che chiacchierano tra loro", Neg},
      {"commessi che lavorano tra loro", Neu},
      {"una sola cassa aperta", Neg},
      {"mi hanno fatto provare diversi modelli", Pos},
      {"mi hanno fatto vedere diversi modelli", Neu},
      {"il sito è un labirinto", Neg},
      {"un numero a pagamento", Neg},
      {"un numero di telefono", Neu},
      {"mi hanno rimborsato solo la metà", Neg},
      {"mi hanno trattenuto le spese di spedizione", Neg},
      {"mi hanno indicato le spese di spedizione", Neu},
  });
}

TEST_CASE("Italian review forms: plurals, any subject, effort saved, apologies") {
  check_all({
      {"le cuffie si abbinano subito", Pos},
      {"le cuffie si abbinano al telefono", Neu},
      {"i bottoni si sono staccati", Neg},
      {"ci ha fatto aspettare mezz'ora", Neg},
      {"ci ha fatto vedere la sala", Neu},
      {"trita il ghiaccio senza fatica", Pos},
      {"che fatica montarlo", Neg},
      {"il frullatore perde dal fondo", Neg},
      {"la giacca era irriconoscibile dopo il lavaggio", Neg},
      {"il frigo fa la brina", Neg},
      {"il cuscino mi ha tolto il mal di collo", Pos},
      {"il venditore si è scusato", Pos},
      {"il venditore si è seduto", Neu},
  });
}
