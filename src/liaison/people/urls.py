from liaison.core.views import family_urls
from liaison.people.views import STAFF, UNITS

app_name = "people"
urlpatterns = [*family_urls(STAFF, "staff/"), *family_urls(UNITS, "units/")]
