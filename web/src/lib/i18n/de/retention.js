// Deutsch: die Aufbewahrung von Bewerbungen (Issue 10, Punkt 9).
export default {
  retention: {
    nav: 'Aufbewahrung der Bewerbungen',
    title: 'Aufbewahrung der Bewerbungen',
    lead: 'Bewerbungen ohne angenommenen Platz werden gelöscht, sobald eine spätere Ausschreibung derselben Einheit und Art ihre Ergebnisse veröffentlicht hat, nach der hier eingestellten Frist. Der Bedarfsbericht behält ihre Anzahlen; niemand wird genannt.',
    months: 'Monate nach den Ergebnissen der späteren Ausschreibung',
    monthsHint: '0 bis 120; bei 0 werden sie mit den Ergebnissen der späteren Ausschreibung gelöscht.',
    saved: 'Die Frist ist gespeichert.',
    runTitle: 'Jetzt ausführen',
    runLead: 'Die Aufbewahrung läuft auch jeden Tag von selbst. Jetzt ausgeführt löscht sie, was heute fällig ist.',
    run: 'Aufbewahrung jetzt ausführen',
    running: 'Läuft …',
    ran: { one: '{deleted} Bewerbungen ohne angenommenen Platz in einer Ausschreibung gelöscht; {kept} mit angenommenem Platz behalten.', other: '{deleted} Bewerbungen ohne angenommenen Platz in {count} Ausschreibungen gelöscht; {kept} mit angenommenem Platz behalten.' },
  },
};
