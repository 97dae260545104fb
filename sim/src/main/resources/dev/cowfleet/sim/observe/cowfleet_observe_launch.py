"""Starts a server for `cowfleet observe` in a process group of its own, so cowfleet can stop the
master, its workers and anything they started with one signal, whatever happens to the master."""
import os
import sys

os.setpgrp()
os.execvp(sys.argv[1], sys.argv[1:])
