from liaison.cooperation.views import REGISTER
from liaison.core.views import family_urls

app_name = "cooperation"
urlpatterns = family_urls(REGISTER)
