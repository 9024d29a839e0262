// Deutsch: Widersprüche gegen ein veröffentlichtes Vergabeergebnis (Issue 10, Punkt 4): das Formular
// der Studierenden und die Antwort, die Liste der Kommission und ihr Antwortdialog beim Vergabelauf.
export default {
  objections: {
    mine: {
      title: 'Widerspruch',
      until: 'Sie können diesem Ergebnis bis zum {date} widersprechen.',
      closed: 'Die Frist für einen Widerspruch gegen dieses Ergebnis endete am {date}.',
      waiting: 'Ihr Widerspruch liegt der Kommission vor; ihre Antwort lesen Sie hier.',
      label: 'Wogegen widersprechen Sie?',
      hint: 'In eigenen Worten, bis zu 4.000 Zeichen. Die Kommission antwortet; ein stattgegebener Widerspruch führt zu einer neuen Runde.',
      submit: 'Widerspruch senden',
      sent: 'Ihr Widerspruch wurde gesendet.',
      objectedAt: 'Widerspruch vom {at}',
      answeredAt: 'Beantwortet am {at}',
    },
    status: {
      open: 'Offen',
      answered: 'Beantwortet',
    },
    decision: {
      upheld: 'Stattgegeben',
      rejected: 'Zurückgewiesen',
    },
    decisionSentence: {
      upheld: 'Die Kommission hat Ihrem Widerspruch stattgegeben.',
      rejected: 'Die Kommission hat Ihren Widerspruch zurückgewiesen.',
    },
    list: {
      title: 'Widersprüche',
      openCount: '{count} offen',
      none: 'Kein Widerspruch gegen diesen Lauf.',
      student: 'Studierende',
      objected: 'Eingegangen',
      text: 'Widerspruch',
      place: 'Platz',
      noPlace: 'kein Platz',
      status: 'Status',
      answer: 'Beantworten',
      answerFor: 'Den Widerspruch von {name} beantworten',
      more: 'Weitere anzeigen',
      export: 'Exportieren (CSV)',
      by: 'von {name}',
    },
    dialog: {
      title: 'Widerspruch beantworten',
      of: 'Widerspruch von {name}, {at}:',
      decision: 'Entscheidung',
      answer: 'Begründung',
      answerHint: 'Die oder der Studierende liest diese Antwort. Ein stattgegebener Widerspruch wird nur festgehalten: neu bewerten und eine neue Runde starten.',
      send: 'Antwort senden',
      sent: 'Antwort festgehalten.',
      cancel: 'Abbrechen',
    },
    fourEyes: 'Sie haben diesen Lauf gestartet: Ein anderes Mitglied der Kommission gibt ihn frei (Vier-Augen-Prinzip).',
  },
};
