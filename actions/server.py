"""The action server: rasa_sdk's own, except that a failure never echoes the request.

rasa_sdk answers an action that raises with 500 and ``{"error", "request_body"}``, the whole
request: the tracker, with everything the person wrote. Rasa then logs that body at ERROR
(the traceback of the failed call). Here the same app answers 500 with the error's type only
and logs no request. Started as ``python -m actions.server --actions actions --port 5055``,
with rasa_sdk's own command-line options.
"""
from __future__ import annotations

import logging
import os
from typing import Optional, Sequence

from rasa_sdk import utils
from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
from rasa_sdk.endpoint import create_app, create_argument_parser
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic, response

logger = logging.getLogger(__name__)


def quiet_app(package: str = "actions") -> Sanic:
    app = create_app(package)

    @app.exception(Exception)  # replaces rasa_sdk's handler for the same class
    async def quiet_exception_handler(request, exception: Exception):
        logger.error("action failed on %s: %s", request.path, type(exception).__name__)
        return response.json({"error": type(exception).__name__}, status=500)

    return app


def main(argv: Optional[Sequence[str]] = None) -> None:
    args = create_argument_parser().parse_args(argv)
    logging.getLogger("matplotlib").setLevel(logging.WARN)
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(logging.getLogger(APPLICATION_ROOT_LOGGER_NAME),
                                 args.log_file, args.loglevel, args.logging_config_file)
    utils.update_sanic_log_level()
    app = quiet_app(args.actions)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    app.run(os.environ.get("SANIC_HOST", "0.0.0.0"), args.port,
            workers=utils.number_of_sanic_workers())


if __name__ == "__main__":
    main()
