// English: the retention schedule of applications (issue 10, item 9).
export default {
  retention: {
    nav: 'Retention of applications',
    title: 'Retention of applications',
    lead: 'Applications that did not lead to an accepted place are deleted once a later call of the same unit and kind has published its results, after the delay set here. The demand report keeps their counts; nobody is named.',
    months: 'Months after the later call’s results',
    monthsHint: '0 to 120; 0 deletes them at the later call’s results.',
    saved: 'The schedule is saved.',
    runTitle: 'Run now',
    runLead: 'The retention also runs every day by itself. Running it now deletes what is due today.',
    run: 'Run the retention now',
    running: 'Running…',
    ran: { one: 'Deleted {deleted} applications without an accepted place in one call; kept {kept} with an accepted place.', other: 'Deleted {deleted} applications without an accepted place in {count} calls; kept {kept} with an accepted place.' },
  },
};
