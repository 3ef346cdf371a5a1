from liaison.core.views import family_urls
from liaison.partners.views import BODIES, MEMBERSHIPS, OBLIGATIONS, PLACES

app_name = "partners"
urlpatterns = [
    *family_urls(BODIES, "bodies/"),
    *family_urls(MEMBERSHIPS, "memberships/"),
    *family_urls(OBLIGATIONS, "obligations/"),
    *family_urls(PLACES, "places/"),
]
