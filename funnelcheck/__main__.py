"""`python -m funnelcheck`."""

from funnelcheck.support.plugins import drop_working_directory

# `-m` put the working directory first on sys.path: a repository being checked must not
# shadow a module (or plant a plugin's dist-info) there. See funnelcheck/support/plugins.py.
drop_working_directory()

from funnelcheck.cli import main  # noqa: E402

main()
