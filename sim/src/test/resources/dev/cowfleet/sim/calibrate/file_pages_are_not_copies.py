"""A worker that maps a file the master also mapped, and reads it: the copy curve's shared-page
count must not move (nothing was copied). Prints the change in shared pages, and in the heap's
shared pages once the worker wrote to inherited heap pages."""
import mmap
import os
import sys
import tempfile

import cowfleet_probe_wsgi as wsgi
import probe

PAGES = 256
page = probe.page_size()
with tempfile.TemporaryFile() as backing:
    backing.write(b"x" * (PAGES * page))
    backing.flush()
    mapped = mmap.mmap(backing.fileno(), PAGES * page, prot=mmap.PROT_READ)
    touched = sum(mapped[i * page] for i in range(PAGES))  # the master maps every page
    heap = [bytearray(page) for _ in range(PAGES)]  # inherited heap pages, one buffer each
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        wsgi._shared_pages(probe.read_memory, page)  # its own first allocations copy a few pages
        before, _ = wsgi._shared_pages(probe.read_memory, page)
        touched = sum(mapped[i * page] for i in range(PAGES))  # faults the file pages in: shared, not copied
        after_file, _ = wsgi._shared_pages(probe.read_memory, page)
        for buffer in heap:
            buffer[0] = 1  # copies each inherited heap page
        after_heap, _ = wsgi._shared_pages(probe.read_memory, page)
        os.write(write_end, ("%d %d\n" % (after_file - before, before - after_heap)).encode())
        os._exit(0)
    os.waitpid(pid, 0)
    sys.stdout.write(os.read(read_end, 100).decode())
