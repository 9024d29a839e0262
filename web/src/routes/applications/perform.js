// A change a screen makes to its record: busy while it runs, then the error or a notice; `adopt`
// takes the server's answer. `status` is the screen's $state({ busy, error, notice }).
export async function perform(status, action, adopt, message) {
  status.busy = true;
  status.error = null;
  status.notice = '';
  try {
    adopt(await action());
    status.notice = message;
  } catch (e) {
    status.error = e;
  } finally {
    status.busy = false;
  }
}
