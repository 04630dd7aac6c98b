from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk with no URL at all (personal-data exports, certificates): the
    only way out is a view that checks who is asking."""

    def url(self, name):
        raise ValueError("Private files have no URL; serve them through a view.")
