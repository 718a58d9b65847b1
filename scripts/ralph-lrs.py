"""Serves Ralph's LRS API with its file-system backend on 127.0.0.1, for herken's xAPI tests.

Usage: ralph-lrs.py PORT DIRECTORY, with RALPH_APP_DIR pointing at the folder that holds
`auth.json` (written by `ralph auth`).

Ralph 5.1.0's file-system LRS backend writes each request with the operation type
CREATE, which fails once its statements file exists, so only the first POST would ever
be stored. This launcher makes that backend append instead and runs the API in-process
with uvicorn, where `ralph runserver` would start a reloading subprocess.
"""

import os
import sys

# Ralph reads its settings from the environment when its modules are first imported.
os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = sys.argv[2]

import uvicorn  # noqa: E402
from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.lrs.fs import FSLRSBackend  # noqa: E402


def main() -> None:
    FSLRSBackend.default_operation_type = BaseOperationType.APPEND
    from ralph.api import app

    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")


if __name__ == "__main__":
    main()
