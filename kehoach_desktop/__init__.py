"""kehoach_desktop — theo dõi và báo cáo thực hiện kế hoạch cải thiện chỉ số PAR INDEX, SIPAS, PAPI.

The package root holds the domain and the services; it never imports Qt.
The window lives in :mod:`kehoach_desktop.ui`, storage in :mod:`kehoach_desktop.db`.
"""

__version__ = "0.1.0"
