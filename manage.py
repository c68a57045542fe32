#!/usr/bin/env python
"""Django's manage.py; the same as the ``chengxin`` command."""

from chengxin.__main__ import main

if __name__ == "__main__":
    main()
