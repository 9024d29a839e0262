// English: objections to a published allocation result (issue 10, item 4): the student's form and
// answer, the committee's list and answer dialog on a run's page.
export default {
  objections: {
    mine: {
      title: 'Objection',
      until: 'You may object to this result until {date}.',
      closed: 'The period to object to this result ended on {date}.',
      waiting: 'Your objection is with the committee; you will read its answer here.',
      label: 'What do you object to?',
      hint: 'In your own words, up to 4,000 characters. The committee answers; an upheld objection leads to a new round.',
      submit: 'Send the objection',
      sent: 'Your objection has been sent.',
      objectedAt: 'Objection of {at}',
      answeredAt: 'Answered on {at}',
    },
    status: {
      open: 'Open',
      answered: 'Answered',
    },
    decision: {
      upheld: 'Upheld',
      rejected: 'Rejected',
    },
    decisionSentence: {
      upheld: 'The committee upheld your objection.',
      rejected: 'The committee rejected your objection.',
    },
    list: {
      title: 'Objections',
      openCount: '{count} open',
      none: 'No objection to this run.',
      student: 'Student',
      objected: 'Objected',
      text: 'Objection',
      place: 'Place',
      noPlace: 'no place',
      status: 'Status',
      answer: 'Answer',
      answerFor: 'Answer the objection of {name}',
      more: 'Show more',
      export: 'Export (CSV)',
      by: 'by {name}',
    },
    dialog: {
      title: 'Answer the objection',
      of: 'Objection of {name}, {at}:',
      decision: 'Decision',
      answer: 'Reasons',
      answerHint: 'The student reads this answer. An upheld objection is recorded only: rescore and run a new round.',
      send: 'Send the answer',
      sent: 'Answer recorded.',
      cancel: 'Cancel',
    },
    fourEyes: 'You started this run: another member of the committee signs it off (four eyes).',
  },
};
