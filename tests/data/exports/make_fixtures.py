#!/usr/bin/env python3
"""Writes the survey-export fixtures of tests/test_columns.cpp, one per shape a survey tool or a
CRM writes (all data invented). Run from anywhere: python3 tests/data/exports/make_fixtures.py"""
import csv, io, os

here = os.path.dirname(os.path.abspath(__file__))


def write(name, rows, delimiter=",", encoding="utf-8", newline="\r\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    w.writerows(rows)
    with open(os.path.join(here, name), "wb") as f:
        f.write(buf.getvalue().encode(encoding))


# Qualtrics: three header rows; Q1 is satisfaction (0-10), the recommend question is Q2.
write("qualtrics.csv", [
    ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
     "RecordedDate", "ResponseId", "DistributionChannel", "UserLanguage", "Q1", "Q2", "Q3", "Q4"],
    ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)",
     "Finished", "Recorded Date", "Response ID", "Distribution Channel", "User Language",
     "How satisfied are you with your last visit? (0-10)",
     "How likely are you to recommend Acme to a friend or colleague?",
     "Why did you give that score?", "Which store did you visit?"],
    ['{"ImportId":"startDate","timeZone":"Europe/Rome"}', '{"ImportId":"endDate","timeZone":"Europe/Rome"}',
     '{"ImportId":"status"}', '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}',
     '{"ImportId":"duration"}', '{"ImportId":"finished"}', '{"ImportId":"recordedDate","timeZone":"Europe/Rome"}',
     '{"ImportId":"_recordId"}', '{"ImportId":"distributionChannel"}', '{"ImportId":"userLanguage"}',
     '{"ImportId":"QID1"}', '{"ImportId":"QID2"}', '{"ImportId":"QID3_TEXT"}', '{"ImportId":"QID4"}'],
    ["2026-03-02 10:11:02", "2026-03-02 10:15:22", "IP Address", "93.40.1.10", "100", "260", "True",
     "2026-03-02 10:15:23", "R_1a2B3c4D5e6F7g8", "anonymous", "EN", "8", "3",
     "The checkout queue took forever and nobody helped", "Milano"],
    ["2026-03-05 18:01:40", "2026-03-05 18:04:09", "IP Address", "93.40.1.11", "100", "149", "True",
     "2026-03-05 18:04:10", "R_2b3C4d5E6f7G8h9", "anonymous", "EN", "9", "10",
     "Friendly staff and I found everything I needed", "Roma"],
    ["2026-04-11 09:30:00", "2026-04-11 09:33:51", "IP Address", "93.40.1.12", "100", "231", "True",
     "2026-04-11 09:33:52", "R_3c4D5e6F7g8H9i0", "anonymous", "EN", "7", "8",
     "Good prices but the shelves were half empty", "Milano"],
    ["2026-04-20 12:00:10", "2026-04-20 12:02:00", "IP Address", "93.40.1.13", "100", "110", "True",
     "2026-04-20 12:02:01", "R_4d5E6f7G8h9I0j1", "anonymous", "EN", "2", "1",
     "Rude cashier, I will not come back", "Roma"],
])

# SurveyMonkey: the questions as the header, "Response" / "Open-Ended Response" and the options
# of a multiple-choice question in the row under it; US dates with AM/PM.
write("surveymonkey.csv", [
    ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
     "First Name", "Last Name", "Custom Data 1",
     "How likely is it that you would recommend Acme to a friend or colleague?",
     "What is the main reason for your score?", "Which store did you visit?",
     "Which channels did you use?", "", ""],
    ["", "", "", "", "", "", "", "", "", "Response", "Open-Ended Response", "Response",
     "Website", "App", "Phone"],
    ["114211950101", "431001", "10/02/2025 05:12:01 AM", "10/02/2025 05:20:13 AM", "82.1.1.1",
     "anna@example.com", "Anna", "Rossi", "", "9", "Fast delivery and great support", "Torino",
     "Website", "", ""],
    ["114211950102", "431001", "10/15/2025 01:01:00 PM", "10/15/2025 01:09:44 PM", "82.1.1.2",
     "bob@example.com", "Bob", "Smith", "", "4", "The app kept crashing at checkout", "Milano",
     "", "App", ""],
    ["114211950103", "431001", "11/03/2025 09:00:00 PM", "11/03/2025 09:04:30 PM", "82.1.1.3",
     "carla@example.com", "Carla", "Bianchi", "", "10", "Always helpful people in store", "Torino",
     "Website", "App", "Phone"],
    ["114211950104", "431001", "12/01/2025 11:59:00 AM", "12/01/2025 12:03:10 PM", "82.1.1.4",
     "dan@example.com", "Dan", "Brown", "", "6", "Prices went up again", "Milano",
     "", "", "Phone"],
])

# Google Forms in Italian: "Informazioni cronologiche", dotted times, the questions as headers.
write("google-forms-it.csv", [
    ["Informazioni cronologiche", "Indirizzo email",
     "Quanto è probabile che consiglieresti Bottega Nuova a un amico o a un collega?",
     "Perché?", "Punto vendita"],
    ["1/10/2025 19.30.49", "giulia@example.it", "10", "Personale gentilissimo e competente", "Bologna"],
    ["3/10/2025 9.02.11", "marco@example.it", "5", "Troppa attesa alla cassa", "Modena"],
    ["15/10/2025 12.45.00", "sara@example.it", "8", "Buona scelta ma prezzi alti", "Bologna"],
    ["2/11/2025 18.01.30", "luca@example.it", "2", "Prodotto difettoso e nessun rimborso", "Modena"],
])

# Typeform: "#" is the response token, dates in UTC, the questions as headers.
write("typeform.csv", [
    ["#", "Quanto è probabile che ci consiglieresti a un amico?", "Cosa possiamo migliorare?",
     "Quale piano hai?", "Start Date (UTC)", "Submit Date (UTC)", "Network ID"],
    ["k2j4h5g6f7d8s9a0", "9", "Niente, funziona tutto benissimo", "Pro",
     "2026-04-11 09:10:00", "2026-04-11 09:12:33", "a1b2c3d4e5"],
    ["p0o9i8u7y6t5r4e3", "3", "Il supporto risponde dopo giorni", "Base",
     "2026-04-12 10:00:00", "2026-04-12 10:03:10", "f6g7h8i9j0"],
    ["m1n2b3v4c5x6z7l8", "7", "L'app è lenta quando carico i file", "Pro",
     "2026-05-02 16:20:00", "2026-05-02 16:21:45", "k1l2m3n4o5"],
    ["q1w2e3r4t5y6u7i8", "10", "Ottimo rapporto qualità prezzo", "Business",
     "2026-05-03 08:00:00", "2026-05-03 08:01:05", "p6q7r8s9t0"],
    ["z9x8c7v6b5n4m3l2", "6", "Manca l'esportazione in Excel", "Base",
     "2026-05-04 11:11:11", "2026-05-04 11:13:00", "u1v2w3x4y5"],
])

# An Italian Excel "CSV (separato da ;)" in Windows-1252: accents and the euro sign in that code
# page, dd/mm dates settled by a day above 12.
write("italian-excel.csv", [
    ["N. risposta", "Data risposta", "Voto (0-10)", "Commento del cliente", "Punto vendita",
     "Canale di acquisto", "E-mail"],
    ["1", "03/04/2026", "9", "Qualità ottima, pagato 20€ in meno che altrove", "Verona", "Negozio",
     "a@example.it"],
    ["2", "05/04/2026", "4", "La consegna è arrivata in ritardo di una settimana", "Padova",
     "Online", "b@example.it"],
    ["3", "21/04/2026", "10", "Commessa disponibilissima, tornerò", "Verona", "Negozio",
     "c@example.it"],
    ["4", "02/05/2026", "6", "Sito lento, pagamento rifiutato due volte", "Padova", "Online",
     "d@example.it"],
], delimiter=";", encoding="cp1252")

# A CRM extract: UPPER_SNAKE names, the NPS group beside the score, year-first dates.
write("crm-upper-snake.csv", [
    ["RESPONSE_ID", "CUSTOMER_ID", "CUSTOMER_RESPONSE_DATE", "LIKELIHOOD_TO_RECOMMEND", "NPS_GROUP",
     "CUSTOMER_COMMENTS", "SURVEY_SUB_TYPE", "CUSTOMER_EMAIL", "CUSTOMER_PHONE"],
    ["900001", "C-1001", "2026/04/11", "10", "Promoter", "Installer on time and very polite",
     "Installation", "x1@example.com", "+39 333 1234567"],
    ["900002", "C-1002", "2026/04/13", "2", "Detractor", "Billed twice for the same month",
     "Billing", "x2@example.com", "+39 333 7654321"],
    ["900003", "C-1003", "2026/05/02", "8", "Passive", "Fine, although the router is slow",
     "Installation", "x3@example.com", "+39 347 1112223"],
    ["900004", "C-1001", "2026/05/20", "9", "Detractor", "The refund came quickly",
     "Billing", "x1@example.com", "+39 333 1234567"],
])

# A journey file: stages and touchpoints, dates with month names in both languages, and a
# column no list names ("Percorso") whose few repeated values make it a segment.
write("journey.csv", [
    ["id", "Fase", "Touchpoint", "Percorso", "Quando", "Voto", "Commento", "Nome"],
    ["J1", "Acquisto", "Sito", "Nuovo cliente", "11 aprile 2026", "9", "Ordine semplice e veloce", "Anna"],
    ["J2", "Consegna", "Corriere", "Nuovo cliente", "11-Apr-2026", "3", "Pacco arrivato rotto", "Paolo"],
    ["J3", "Assistenza", "Telefono", "Cliente abituale", "2 maggio 2026", "5",
     "Ho aspettato venti minuti in linea", "Anna"],
    ["J4", "Acquisto", "Negozio", "Cliente abituale", "May 3, 2026", "10", "Commesso molto preparato", "Ugo"],
    ["J5", "Consegna", "Corriere", "Nuovo cliente", "04-May-2026", "8", "Puntuale, imballo curato", "Ugo"],
])

# Numeric dates that never settle the order (both fields <= 12).
write("ambiguous-dates.csv", [
    ["date", "score", "comment"],
    ["03/04/2026", "9", "Great"],
    ["05/06/2026", "3", "Bad"],
])
